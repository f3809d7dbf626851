/**
 * Known SDK result shapes: what a library's function or method returns, for code scanned without the library's type
 * declarations (a checkout without `node_modules`, plain JavaScript). With the declarations the type checker decides
 * and these entries are not used: types win when present.
 *
 * A shape lists only the members that may hold data about a person, under the keys the library uses (so `lesson.te`
 * and `session.user.email` are followed as written), and names what each value is in catalogue-neutral words: a type
 * name a catalogue can list members of (`Teacher.name`) and, where the library's key says nothing (`te`), a plain
 * name (`teachers`). The catalogue then classifies them like the members of a declared type. Nothing here names a
 * category: whether a `Teacher.name` is personal data is the FG's call.
 *
 * Keep entries small and honest: only shapes taken from the library's own published types, only the members a person
 * is in.
 */
import type { LibraryResults, ResultShape } from './types';

/** A lesson of WebUntis's JSON-RPC timetable (`Lesson` in the `webuntis` package): `te` are its teachers. */
const WEBUNTIS_LESSONS: ResultShape = {
  type: 'Lesson',
  members: { te: { as: 'teachers', type: 'Teacher', members: { name: 'name', longname: 'longName' } } },
};

const WEBUNTIS_TEACHER: ResultShape = { type: 'Teacher', members: { name: 'name', foreName: 'foreName', longName: 'longName' } };
const WEBUNTIS_STUDENT: ResultShape = { type: 'Student', members: { name: 'name', foreName: 'foreName', longName: 'longName', gender: 'gender' } };

/** next-auth's `Session`: the signed-in user's name, e-mail address and picture. */
const NEXT_AUTH_SESSION: ResultShape = {
  type: 'Session',
  members: { user: { type: 'User', members: { name: 'name', email: 'email', image: 'image' } } },
};

const WEBUNTIS_TIMETABLE_METHODS = [
  'getOwnTimetableForToday',
  'getTimetableForToday',
  'getOwnTimetableFor',
  'getTimetableFor',
  'getOwnTimetableForRange',
  'getTimetableForRange',
  'getOwnClassTimetableForToday',
  'getOwnClassTimetableFor',
  'getOwnClassTimetableForRange',
];

export const LIBRARY_RESULTS: readonly LibraryResults[] = [
  {
    id: 'webuntis',
    label: 'WebUntis',
    modules: ['webuntis'],
    classes: ['WebUntis', 'WebUntisQR', 'WebUntisSecretAuth', 'WebUntisAnonymousAuth'],
    methods: {
      ...Object.fromEntries(WEBUNTIS_TIMETABLE_METHODS.map((m) => [m, WEBUNTIS_LESSONS])),
      getTeachers: WEBUNTIS_TEACHER,
      getStudents: WEBUNTIS_STUDENT,
    },
  },
  {
    id: 'next-auth',
    label: 'NextAuth.js v3',
    // v3 (`next-auth/client`): `useSession()` is `[session, loading]`; an element of an array carries what the array does.
    modules: ['next-auth/client'],
    functions: { useSession: NEXT_AUTH_SESSION, getSession: NEXT_AUTH_SESSION },
  },
  {
    id: 'next-auth-react',
    label: 'NextAuth.js v4+',
    modules: ['next-auth/react', 'next-auth', 'next-auth/next'],
    functions: {
      useSession: { members: { data: NEXT_AUTH_SESSION } },
      getSession: NEXT_AUTH_SESSION,
      getServerSession: NEXT_AUTH_SESSION,
    },
  },
];
