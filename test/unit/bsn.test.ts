import * as assert from 'node:assert/strict';
import { identifierCheck, isValidBsn, isValidOnderwijsnummer, padIdentifier } from '@avglint/rules';

describe('BSN elfproef and onderwijsnummer check', () => {
  it('accepts the well-known valid BSNs', () => {
    for (const bsn of ['123456782', '111222333', '999999990']) assert.equal(isValidBsn(bsn), true, bsn);
  });

  it('rejects their neighbours (last digit changed)', () => {
    for (const bsn of ['123456781', '123456783', '111222332', '111222334', '999999991', '999999992']) {
      assert.equal(isValidBsn(bsn), false, bsn);
    }
  });

  it('rejects all zeros even though its weighted sum is 0', () => {
    assert.equal(isValidBsn('000000000'), false);
    assert.equal(isValidBsn('00000000'), false);
  });

  it('pads 8-digit numbers with a leading zero', () => {
    // 012345672: 0+8+14+18+20+20+18+14-2 = 110 = 10·11.
    assert.equal(padIdentifier('12345672'), '012345672');
    assert.equal(isValidBsn('12345672'), true);
    assert.equal(isValidBsn('012345672'), true);
    assert.equal(isValidBsn('12345673'), false);
  });

  it('rejects anything that is not 8 or 9 digits', () => {
    for (const text of ['', '1234567', '1234567820', '12345678a', ' 23456782', '１２３４５６７８２']) {
      assert.equal(isValidBsn(text), false, text);
    }
  });

  it('accepts onderwijsnummers: 9 digits starting with 10, weighted sum ≡ 5 (mod 11)', () => {
    // 100000004: 9·1 − 4 = 5.
    assert.equal(isValidOnderwijsnummer('100000004'), true);
    assert.equal(isValidOnderwijsnummer('100000003'), false);
    assert.equal(isValidOnderwijsnummer('100000005'), false);
    // 101234564: 9+0+7+12+15+16+15+12-4 = 82 = 7·11 + 5.
    assert.equal(isValidOnderwijsnummer('101234564'), true);
    assert.equal(isValidOnderwijsnummer('101234565'), false);
  });

  it('requires the onderwijsnummer to start with 10 and have 9 digits', () => {
    // 200000002: 18 − 2 = 16 ≡ 5 (mod 11), but it does not start with 10.
    assert.equal(isValidOnderwijsnummer('200000002'), false);
    assert.equal(isValidOnderwijsnummer('10000004'), false);
  });

  it('names the check a number passes', () => {
    assert.equal(identifierCheck('123456782'), 'BSN-elfproef');
    assert.equal(identifierCheck('100000004'), 'onderwijsnummercontrole');
    assert.equal(identifierCheck('123456781'), undefined);
  });
});
