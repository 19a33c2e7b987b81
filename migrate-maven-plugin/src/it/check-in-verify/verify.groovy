String log = new File(basedir, 'build.log').getText('UTF-8')
int upgrade = log.indexOf('[INFO] Upgraded 1 revision in ')
int check = log.indexOf('[INFO] OK: the database is at a1b2c3d4e5f6 (head), nothing is pending, and the applied scripts are unchanged')
assert upgrade >= 0 && check > upgrade : 'verify did not upgrade then check'
assert log.contains('--- migrate:' + projectVersion + ':check (check-migrations) @ check-in-verify ---')
assert log.contains('--- migrate:' + projectVersion + ':lint (lint-migrations) @ check-in-verify ---')
assert log.contains('[INFO] 0 findings (0 errors, 0 warnings) in 1 revision for sqlite')
// The placeholders (configuration and -D) and the init SQL's session reached the revision.
def connection = Class.forName('org.sqlite.JDBC').getDeclaredConstructor().newInstance()
    .connect('jdbc:sqlite:' + new File(basedir, 'ci.db').absolutePath, new Properties())
try {
    def rows = connection.createStatement().executeQuery('SELECT id, name, region FROM account')
    assert rows.next() : 'the revision inserted no row'
    assert rows.getInt(1) == 1 && rows.getString(2) == 'from_init' && rows.getString(3) == 'eu'
    assert !rows.next()
}
finally {
    connection.close()
}
return true
