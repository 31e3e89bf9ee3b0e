import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ipDetector, ipv6Groups } from '../../../src/detect/pii/ip.ts';

const values = (text: string): string[] => ipDetector.detect(text).map((f) => text.slice(f.start, f.end));

describe('IP detector', () => {
  it('finds IPv4 addresses with exact spans, scoring context words higher', () => {
    const text = 'server 192.168.1.10:8080 is down';
    const [f] = ipDetector.detect(text);
    assert.deepEqual([f?.type, f?.start, f?.end, f?.detector], ['IP_ADDRESS', 7, 19, 'pii.ip']);
    const [plain] = ipDetector.detect('see 8.8.4.4 now');
    assert.ok((f?.score ?? 0) > (plain?.score ?? 1));
    assert.deepEqual(values('ip 10.0.0.1/24, Adresse 255.255.255.0, indirizzo 192.168.1.20'), [
      '10.0.0.1',
      '255.255.255.0',
      '192.168.1.20',
    ]);
    assert.deepEqual(values('Login von 203.0.113.7.'), ['203.0.113.7']);
  });

  it('rejects out-of-range octets, version strings, section numbers and longer dotted numbers', () => {
    for (const text of [
      '10.0.0.256',
      '01.02.03.04',
      'version 1.2.3.4',
      'Version: 10.2.0.1',
      'deploy build=26.38.23.1 ok',
      'v1.2.3.4',
      'Section 1.2.3.4 applies',
      'Kapitel 2.1.3.4',
      '1.3.6.1.4.1.311',
      'am 15.03.2024',
      '1.2.3',
      'ip10.0.0.1',
    ]) {
      assert.deepEqual(values(text), [], text);
    }
  });

  it('finds full, compressed and IPv4-mapped IPv6 addresses', () => {
    const full = '2001:0db8:0000:0000:0000:ff00:0042:8329';
    assert.deepEqual(values(`from ${full}`), [full]);
    assert.deepEqual(values('2001:db8:85a3::8a2e:370:7334 failed'), ['2001:db8:85a3::8a2e:370:7334']);
    assert.deepEqual(values('IP ::ffff:192.0.2.128'), ['::ffff:192.0.2.128']);
    assert.deepEqual(values('IP:2001:db8::1.'), ['2001:db8::1']);
    assert.deepEqual(values('[2001:db8::1]:443'), ['2001:db8::1']);
  });

  it('needs a context word for very short compressed forms', () => {
    assert.deepEqual(values('fe80::1'), []);
    assert.deepEqual(values('host fe80::1'), ['fe80::1']);
    assert.deepEqual(values('gateway is fd00::1 (router address)'), ['fd00::1']);
  });

  it('does not take times, MAC addresses, C++ scopes or hashes for IPv6', () => {
    const texts = ['um 12:30:45 Uhr', 'MAC 00:1A:2B:3C:4D:5E', 'std::vector<int>', 'a::b', '2024-03-15T12:30:45Z'];
    for (const text of texts) {
      assert.deepEqual(values(text), [], text);
    }
  });

  it('counts IPv6 groups only for valid addresses', () => {
    assert.equal(ipv6Groups('2001:db8::1'), 3);
    assert.equal(ipv6Groups('::ffff:1.2.3.4'), 3);
    assert.equal(ipv6Groups('1:2:3:4:5:6:7:8'), 8);
    assert.equal(ipv6Groups('1:2:3:4:5:6:7:8:9'), 0);
    assert.equal(ipv6Groups('1::2::3'), 0);
    assert.equal(ipv6Groups('12345::1'), 0);
    assert.equal(ipv6Groups('::'), 0);
  });

  it('finds any IPv4 address that names a machine next to a context word (property)', () => {
    fc.assert(
      fc.property(fc.ipV4().filter((ip) => !/^(?:127\.|0\.0\.0\.0$|255\.255\.255\.255$)/.test(ip)), (ip) => {
        const found = values(`client address ${ip}, retry`);
        return found.length === 1 && found[0] === ip;
      }),
    );
  });

  it('finds any IPv6 address with at least one group next to a context word (property)', () => {
    fc.assert(
      fc.property(
        fc.ipV6().filter((ip) => ipv6Groups(ip) > 0 && !['::1', '0:0:0:0:0:0:0:1'].includes(ip)),
        (ip) => {
          const found = values(`host ${ip} unreachable`);
          return found.length === 1 && found[0] === ip;
        },
      ),
    );
  });

  it('never throws and reports well-formed spans (property)', () => {
    const unit = fc.constantFrom('1', '2', '5', '0', 'a', 'f', ':', '.', ' ', 'v', '/', '\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (s) =>
        ipDetector
          .detect(s)
          .every((f) => f.start >= 0 && f.start < f.end && f.end <= s.length && f.type === 'IP_ADDRESS'),
      ),
    );
  });
});

describe('addresses that name no machine', () => {
  it('skips loopback, unspecified and broadcast addresses but keeps private ones', () => {
    const text = 'bind 127.0.0.1 or 0.0.0.0 or [::1], broadcast 255.255.255.255; the shop server is 10.0.4.17';
    assert.deepEqual(ipDetector.detect(text).map((f) => text.slice(f.start, f.end)), ['10.0.4.17']);
  });
});
