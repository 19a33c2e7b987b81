// Checks a run of the workflow in invoker.properties: the lines each Maven build printed, in order, and the database
// after the last build. The project's verify.groovy binds 'connect' (a closure returning a JDBC connection).
import java.util.regex.Pattern

String log = new File(basedir, 'build.log').getText('UTF-8')
List<String> lines = log.readLines()
int position = 0

// Each expectation is a regular expression for one whole INFO line, found after the previous one.
def expectLine = { String regex ->
    Pattern pattern = Pattern.compile('\\[INFO\\] ' + regex)
    int found = (position..<lines.size()).find { lines[it] ==~ pattern } ?: -1
    assert found >= 0 : "No line matching /${regex}/ after line ${position} of build.log"
    position = found + 1
}
def q = { String text -> Pattern.quote(text) }
def ms = '\\(\\d+ ms\\)'

def goal = { String name -> expectLine(q('--- migrate:') + '.*' + q(':' + name + ' (default-cli) @ ') + '.*') }

goal('revision')
expectLine(q('Generating ') + '.*' + q('/src/main/resources/db/migrations/b2c3d4e5f6a1_add_index.sql ...  done'))
goal('upgrade')
expectLine(q('Running upgrade <base> -> a1b2c3d4e5f6, create account ') + ms)
expectLine(q('Running upgrade a1b2c3d4e5f6 -> b2c3d4e5f6a1, add index ') + ms)
expectLine(q('Upgraded 2 revisions in ') + '\\d+' + q(' ms; now at b2c3d4e5f6a1 (head)'))
// The first build ran with -X: the resolved configuration is printed at debug, the password masked.
assert log.contains('[DEBUG]   url       = ' + expectedUrl + ' (spring.datasource.url in application.properties)')
assert log.contains('[DEBUG]   password  = ' + expectedPassword)
assert !log.contains('it-secret-password') : 'the password from application.properties reached the build log'
goal('current')
expectLine(q('b2c3d4e5f6a1 (head)'))
goal('history')
expectLine(q('a1b2c3d4e5f6 -> b2c3d4e5f6a1 (head), add index'))
expectLine(q('<base> -> a1b2c3d4e5f6, create account'))
goal('check')
expectLine(q('OK: the database is at b2c3d4e5f6a1 (head), nothing is pending, and the applied scripts are unchanged'))
goal('revision')
expectLine(q('Generating ') + '.*' + q('c3d4e5f6a1b2_add_audit.sql ...  done'))
goal('check')
// The second head fails the check and the build, with the command line's text and the fix; no stack trace without -e.
int failedAt = position
expectLine(q('BUILD FAILURE'))
List<String> failure = lines.subList(failedAt, lines.size()).takeWhile { !it.contains('--- migrate:') }
String failed = failure.find { it.startsWith('[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin:') }
assert failed != null : 'the check did not fail the build'
assert failed ==~ /.*:check \(default-cli\) on project [\w-]+: FAILED: The scripts have 2 heads \((b2c3d4e5f6a1, c3d4e5f6a1b2|c3d4e5f6a1b2, b2c3d4e5f6a1)\); merge them with 'mvn migrate:merge -Dmigrate.message=merge'/
assert failure.contains("[ERROR] FAILED: The database has 1 pending revision (c3d4e5f6a1b2); run 'mvn migrate:upgrade'")
assert !failure.any { it.startsWith('\tat ') || it.startsWith('Caused by') } : 'a stack trace was printed without -e'
goal('downgrade')
expectLine(q('Running downgrade b2c3d4e5f6a1 -> a1b2c3d4e5f6, add index ') + ms)
expectLine(q('Downgraded 1 revision in ') + '\\d+' + q(' ms; now at a1b2c3d4e5f6'))
goal('sql')
expectLine(q('Generating ') + '.*' + q('/target/migrate/upgrade.sql ...  done'))

File script = new File(basedir, 'target/migrate/upgrade.sql')
assert script.isFile()
String sql = script.getText('UTF-8')
assert sql.contains('CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);')
assert sql.contains('c3d4e5f6a1b2') && sql.contains('b2c3d4e5f6a1')

def connection = connect()
try {
    def versions = []
    def rows = connection.createStatement().executeQuery('SELECT version_num FROM migrate_version')
    while (rows.next()) {
        versions << rows.getString(1)
    }
    assert versions == ['a1b2c3d4e5f6']
    def account = connection.metaData.getTables(null, null, 'account', null)
    assert account.next() : 'table account is missing'
}
finally {
    connection.close()
}
return true
