import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { emailDetector } from '../../../src/detect/pii/email.ts';

const values = (text: string): string[] => emailDetector.detect(text).map((f) => text.slice(f.start, f.end));

describe('email detector', () => {
  it('finds practical addresses with exact spans', () => {
    const text = 'Write to max.mustermann@example.de, please.';
    const [f] = emailDetector.detect(text);
    assert.deepEqual(
      { type: f?.type, start: f?.start, end: f?.end, detector: f?.detector },
      { type: 'EMAIL', start: 9, end: 34, detector: 'pii.email' },
    );
    assert.ok((f?.score ?? 0) >= 0.95);
  });

  it('covers subdomains, plus-addressing, case, digits, apostrophes and punycode', () => {
    assert.deepEqual(values('mail: <Name.Surname+tag@Sub.Example.CO.UK>'), ['Name.Surname+tag@Sub.Example.CO.UK']);
    assert.deepEqual(values("o'brien@example.ie, 12345@shop.example.com"), [
      "o'brien@example.ie",
      '12345@shop.example.com',
    ]);
    assert.deepEqual(values('info@xn--mnchen-3ya.de'), ['info@xn--mnchen-3ya.de']);
    assert.deepEqual(values('mailto:info@example.org?subject=Bestellung'), ['info@example.org']);
  });

  it('keeps internationalised letters in local part and domain', () => {
    assert.deepEqual(values('Contacto: josé.garcía@correo.es'), ['josé.garcía@correo.es']);
    assert.deepEqual(values('écrivez à très.bien@exemple.fr'), ['très.bien@exemple.fr']);
    assert.deepEqual(values('jürgen@müller.de'), ['jürgen@müller.de']);
  });

  it('leaves out trailing sentence punctuation and surrounding brackets', () => {
    assert.deepEqual(values('Mail an anna@example.com.'), ['anna@example.com']);
    assert.deepEqual(values('(support@shop.example.com), [x@y.nl]'), ['support@shop.example.com', 'x@y.nl']);
    assert.deepEqual(values('user@example.com.au, next'), ['user@example.com.au']);
  });

  it('finds several addresses in one text', () => {
    assert.deepEqual(values('a@example.com;b@example.org c@example.net'), [
      'a@example.com',
      'b@example.org',
      'c@example.net',
    ]);
  });

  it('ignores mentions, image names, hosts without a TLD and broken domains', () => {
    for (const text of [
      '@everyone please review',
      'cc @maria.rossi',
      'logo@2x.png and icon@3x.jpg',
      'user@localhost',
      'foo@bar',
      'a@b.c',
      'user@-example.com',
      'user@example-.com',
      'user@@example.com',
      'dot.@example.com',
      'no at sign here',
    ]) {
      assert.deepEqual(values(text), [], text);
    }
  });

  it('does not take the credentials of a connection string for an address', () => {
    for (const text of [
      'REDIS_URL=redis://default:Maple1974-@cache-2.internal:6379/0',
      '{"url":"postgres://app_user:s3cr.et@db-prod-01.example.com:5432/orders"}',
      'mongodb+srv://etl:Pa55!w0rd_x@cluster0.ab12c.mongodb.net/shop',
      'mysql://shop:p@ss@mysql.eu-west-1.rds.amazonaws.com:3306/crm',
      'amqp://guest@rabbit.example.org/vhost',
    ]) {
      assert.deepEqual(values(text), [], text);
    }
  });

  it('still finds addresses in the path or query of a URL and next to a connection string', () => {
    assert.deepEqual(values('https://shop.example.com/unsubscribe?email=jane.doe@example.com'), [
      'jane.doe@example.com',
    ]);
    assert.deepEqual(values('https://example.com/users/jane.doe@example.com/orders'), ['jane.doe@example.com']);
    assert.deepEqual(values('DB postgres://u:pw@db.example.com/x, owner ops@example.com'), ['ops@example.com']);
  });

  it('finds generated addresses exactly (property)', () => {
    const local = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,20}[a-z0-9])?$/);
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    const imageExtensions = ['png', 'jpg', 'gif', 'svg', 'bmp', 'ico', 'tif'];
    const tld = fc.stringMatching(/^[a-z]{2,6}$/).filter((t) => !imageExtensions.includes(t));
    fc.assert(
      fc.property(local, fc.array(label, { minLength: 1, maxLength: 3 }), tld, (l, labels, t) => {
        const address = `${l}@${labels.join('.')}.${t}`;
        const text = `Kontakt: ${address} danke`;
        const found = emailDetector.detect(text);
        return found.length === 1 && found[0]?.start === 9 && found[0]?.end === 9 + address.length;
      }),
    );
  });

  it('never throws and reports well-formed spans (property)', () => {
    const unit = fc.constantFrom('a', 'Z', '1', '.', '-', '_', '+', '@', ' ', 'é', "'", '\n');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        for (const f of emailDetector.detect(s)) {
          if (!(f.start >= 0 && f.start < f.end && f.end <= s.length && f.type === 'EMAIL')) return false;
        }
        return true;
      }),
    );
  });
});
