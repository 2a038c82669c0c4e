import { unsupportedServer } from './server-version';

describe('the database servers LeadLoop runs on', () => {
  it.each(['10.11.19-MariaDB-0+deb12u1', '10.6.0-MariaDB', '11.4.2-MariaDB-ubu2404', '8.0.36', '8.4.3', '9.1.0'])('runs on %s', (version) => {
    expect(unsupportedServer(version)).toBeNull();
  });

  it.each([
    ['8.0.11-TiDB-v8.5.6', /TiDB .*not supported yet.*SKIP LOCKED/],
    ['5.7.25-TiDB-v7.5.1', /TiDB/],
    ['10.5.23-MariaDB', /MariaDB .*10\.6/],
    ['5.7.44', /MySQL .*8\.0\.1/],
    ['8.0.0', /MySQL/],
  ])('refuses %s with the reason', (version, reason) => {
    expect(unsupportedServer(version)).toMatch(reason);
  });
});
