String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Testing the migrations on a temporary SQLite file')
assert log.contains('[INFO]   a1b2c3d4e5f6  ok  create account')
assert log.contains('[INFO] All migration tests passed.')
assert log.contains('  b2c3d4e5f6a1  leaves a trace  index account name')
assert log.contains('  left behind: index ix_account_name on account (name)')
assert log.contains('    DROP INDEX "ix_account_name";')
assert !new File(basedir, 'app.db').exists() : 'the configured database was touched'
return true
