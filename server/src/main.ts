/** Entry of the bundled server in the VS Code extension: always starts, whatever module system wraps it. */
import { main } from './server';

main();
