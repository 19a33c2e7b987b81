String database = new File(basedir, 'database.txt').text.trim()
String url = postgresqlUrl.replaceFirst('/[^/?]+(\\?.*)?$', '/' + database)
expectedUrl = url
expectedPassword = '*** (spring.datasource.password in application.properties)'
def open = { String jdbcUrl ->
    def props = new Properties()
    props.setProperty('user', 'postgres')
    Class.forName('org.postgresql.Driver').getDeclaredConstructor().newInstance().connect(jdbcUrl, props)
}
connect = { -> open(url) }
try {
    evaluate(new File(itSources, 'common/workflow.groovy'))
}
finally {
    def admin = open(postgresqlUrl)
    try {
        admin.createStatement().execute('DROP DATABASE IF EXISTS ' + database + ' WITH (FORCE)')
    }
    finally {
        admin.close()
    }
}
return true
