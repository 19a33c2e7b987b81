String log = new File(basedir, 'build.log').getText('UTF-8')
// The init SQL ran and failed, and the failure names the plugin parameter to fix, once: Maven appends each cause's
// message it does not already hold, so the engine's own wording must not follow the reworded one.
assert log.contains("Init SQL 1 of 1 (SET @api_token = = '***') failed") : 'the init SQL did not fail as expected'
assert log.contains("fix or remove it in the plugin's <initSqls>")
assert !log.contains('fix or remove it in initSqls') : "the engine's wording followed the plugin's"
// MariaDB's message echoes the literal ("near '= 'tok-...''"); the driver logs it at WARN unless told not to.
assert !log.contains('tok-8c1d42e7') : 'the init SQL literal reached the build log'
return true
