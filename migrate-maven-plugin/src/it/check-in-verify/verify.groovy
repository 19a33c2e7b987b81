String log = new File(basedir, 'build.log').getText('UTF-8')
int upgrade = log.indexOf('[INFO] Upgraded 1 revision in ')
int check = log.indexOf('[INFO] OK: the database is at a1b2c3d4e5f6 (head), nothing is pending, and the applied scripts are unchanged')
assert upgrade >= 0 && check > upgrade : 'verify did not upgrade then check'
assert log.contains('--- migrate:' + projectVersion + ':check (check-migrations) @ check-in-verify ---')
return true
