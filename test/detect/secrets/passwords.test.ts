/**
 * Passwords: the value only, from connection URLs, ADO/JDBC strings, config and code (`key=value`, `key: value`,
 * `"key": "value"`, SQL), and prose in several languages; never placeholders, variables, type names, code that
 * reads a password, or prose about passwords ("password reset link", "Passwort vergessen").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionStringDetector } from '../../../src/detect/secrets/connection-string.ts';
import { passwordDetector } from '../../../src/detect/secrets/passwords.ts';

function passwords(text: string): string[] {
  return [...connectionStringDetector.detect(text), ...passwordDetector.detect(text)]
    .sort((a, b) => a.start - b.start)
    .map((f) => text.slice(f.start, f.end));
}

function detectorsOf(text: string): string[] {
  return [...connectionStringDetector.detect(text), ...passwordDetector.detect(text)].map((f) => f.detector);
}

describe('passwords in connection strings', () => {
  const cases: readonly [string, string][] = [
    ['DATABASE_URL=postgres://shop:S3cr3t-Pw@db.internal:5432/shop', 'S3cr3t-Pw'],
    ['postgresql://app:p%40ss%2Fw0rd@10.0.0.5/orders?sslmode=require', 'p%40ss%2Fw0rd'],
    ['mongodb+srv://api:Xk9pLm2Qr7@cluster0.ab1cd.mongodb.net/shop', 'Xk9pLm2Qr7'],
    ['REDIS_URL="redis://:r3dis!Pass@cache:6379/0"', 'r3dis!Pass'],
    ['amqp://orders:Rabbit2024@mq.local:5672/vhost', 'Rabbit2024'],
    ['mysql://root:my@pass@db:3306/shop', 'my@pass'],
    ['See https://deploy:Tr1cky@git.example.com/shop.git for the repo', 'Tr1cky'],
  ];
  for (const [text, expected] of cases) {
    it(`takes the password from ${text.slice(0, 36)}…`, () => {
      assert.deepEqual(passwords(text), [expected]);
      assert.deepEqual(detectorsOf(text), ['secret.connection-string']);
    });
  }

  it('takes Password=/Pwd= from ADO and JDBC strings', () => {
    const ado = 'Server=tcp:shop.database.windows.net,1433;Database=orders;User ID=app;Password=Adm1n!2024;Encrypt=True;';
    assert.deepEqual(passwords(ado), ['Adm1n!2024']);
    assert.deepEqual(detectorsOf(ado), ['secret.connection-string']);
    assert.deepEqual(passwords('Driver={ODBC};Server=db;Uid=sa;Pwd=Str0ngPwd;'), ['Str0ngPwd']);
    assert.deepEqual(passwords('jdbc:mysql://db:3306/shop?user=app&password=Sup3rS3cret&useSSL=true'), ['Sup3rS3cret']);
  });

  it('ignores URLs without a password or with a placeholder', () => {
    const texts = [
      'https://medium.com/@shopowner/how-we-scaled',
      'https://example.com:8443/api/v1',
      'git@github.com:shop/site.git and ssh://git@host:22/repo',
      'postgres://user:password@localhost/db',
      'postgres://user:${DB_PASSWORD}@db/shop',
      'mysql://root:****@db/shop',
      'redis://:@cache:6379',
      'https://user@example.com/path',
    ];
    for (const text of texts) assert.deepEqual(passwords(text), [], text);
  });
});

describe('passwords as key and value', () => {
  const cases: readonly [string, string][] = [
    ['DB_PASSWORD=supersecret', 'supersecret'],
    ['export MYSQL_ROOT_PASSWORD="R00t!pass"', 'R00t!pass'],
    ['PGPASSWORD=abc123 psql -h db -U shop', 'abc123'],
    ['database:\n  host: db\n  password: s3cr3t-value\n  port: 5432', 's3cr3t-value'],
    ['{"username": "admin", "password": "hunter22"}', 'hunter22'],
    ['{\\"user\\":\\"app\\",\\"password\\":\\"Tr0ub4dor&3\\"}', 'Tr0ub4dor&3'],
    ["conn = connect(host='db', user='app', passwd='Qw3rty!')", 'Qw3rty!'],
    ['spring.datasource.password=Secr3t', 'Secr3t'],
    ['smtp_pass: mailpass2024', 'mailpass2024'],
    ["ALTER USER shop WITH PASSWORD 'N3wPass!';", 'N3wPass!'],
    ["CREATE USER 'app'@'%' IDENTIFIED BY 'Xy9!abc';", 'Xy9!abc'],
    ['Username: admin\nPassword: Sommer!2024', 'Sommer!2024'],
    ['Passwort: Geheim123', 'Geheim123'],
    ['Kennwort=Fruehling#1', 'Fruehling#1'],
    ['mot de passe : Azerty123', 'Azerty123'],
    ['contraseña: Clave2024', 'Clave2024'],
    ['wachtwoord: Welkom01', 'Welkom01'],
    ['hasło: Tajne123', 'Tajne123'],
    ['client_secret: Shop-Secret-2024', 'Shop-Secret-2024'],
    ["define( 'DB_PASSWORD', 'Wp$ecret2024' );", 'Wp$ecret2024'],
    ["'password' => 'Mag3nto!db',", 'Mag3nto!db'],
    ['machine api.example.com login admin password S3cret!x', 'S3cret!x'],
    ['mysql -u root -pS3cretPw shop < dump.sql', 'S3cretPw'],
    ['mysqldump -uroot -p"Pa55word" shop', 'Pa55word'],
    ['curl -u admin:Adm1nPass https://api.example.com/orders', 'Adm1nPass'],
  ];
  for (const [text, expected] of cases) {
    it(`takes ${expected} from ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.deepEqual(passwords(text), [expected]);
    });
  }

  it('finds passwords told in a sentence', () => {
    const cases: readonly [string, string][] = [
      ['My password is Summer2024! can you check the login?', 'Summer2024!'],
      ['Das Passwort lautet: Sommer2024!', 'Sommer2024!'],
      ['Ihr Passwort ist Xk9#mLp2.', 'Xk9#mLp2'],
      ['Le mot de passe est Azerty123', 'Azerty123'],
      ['La contraseña es Clave2024!', 'Clave2024!'],
      ['Het wachtwoord is Welkom01', 'Welkom01'],
    ];
    for (const [text, expected] of cases) assert.deepEqual(passwords(text), [expected], text);
  });

  it('ignores prose about passwords', () => {
    const texts = [
      'Forgot your password? Use the password reset link we sent.',
      'Passwort vergessen? Klicken Sie auf "Passwort zurücksetzen".',
      'Mot de passe oublié ? Réinitialisez-le.',
      'The password is incorrect. Das Passwort ist falsch. El password es incorrecto.',
      'Your password must contain at least 8 characters.',
      'Password: Min. 8 characters, one digit',
      'Kennwort: siehe E-Mail von gestern',
      'Password: (see vault)',
      'The secret to great coffee: 2 cups water',
      'Day pass: €25, Season pass: SP-2024-001, Boarding pass: LH-4711',
      'The Wi-Fi password is on the receipt.',
    ];
    for (const text of texts) assert.deepEqual(passwords(text), [], text);
  });

  it('ignores placeholders, variables and masked values', () => {
    const texts = [
      'password: ********',
      'password: <hidden>',
      'DB_PASSWORD=${DB_PASSWORD}',
      'PASSWORD=$DB_PASS',
      'password: "{{ vault_db_password }}"',
      'export PASSWORD=$(cat /run/secrets/db)',
      'password: changeme',
      'password: your-password-here',
      'password=xxx',
      'password: ""',
      "password = '%s'",
      'pwd=/home/shop/current',
      'password: [REDACTED]',
    ];
    for (const text of texts) assert.deepEqual(passwords(text), [], text);
  });

  it('ignores code that reads a password and type declarations', () => {
    const texts = [
      'const password = req.body.password;',
      'password = input("Password: ")',
      'password = os.environ["DB_PASSWORD"]',
      'if (password === "") return;',
      'login(password=password)',
      'db.connect(password=db_password)',
      'interface User { email: string; password: string; passwordHash?: string }',
      'password: str',
      'password: z.string().min(8)',
      '"password": {"type": "string", "minLength": 8}',
      '<input type="password" name="password" placeholder="Password">',
      'password_hash: $2b$12$abcdefghijklmnopqrstuv',
      'passport_number: X1234567 and compass: north',
      "define('DB_PASSWORD', 'password_here');",
      'curl -u "$API_USER:$API_PASS" https://api.example.com',
      'pytest -p no:cacheprovider -pxdist',
      'timePerPass: Map<string, number>; password: URLPatternComponentResult;',
      "MSG_INVALID_SECRET = 'secret must be a string or buffer'",
    ];
    for (const text of texts) assert.deepEqual(passwords(text), [], text);
  });

  it('reports the value span only, with a field scoring above a sentence', () => {
    const text = 'password: "hunter22"';
    const [found] = passwordDetector.detect(text);
    assert.equal(found?.type, 'PASSWORD');
    assert.equal(text.slice(found.start, found.end), 'hunter22');
    const prose = passwordDetector.detect('my password is hunter22!')[0];
    assert.ok(prose !== undefined && prose.score < found.score);
  });
});
