// A database of its own on the shared server, named in the project's application.properties; verify.groovy drops it.
String database = 'migrate_it_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def props = new Properties()
props.setProperty('user', 'postgres')
def admin = Class.forName('org.postgresql.Driver').getDeclaredConstructor().newInstance().connect(postgresqlUrl, props)
assert admin != null : "No PostgreSQL at ${postgresqlUrl}"
try {
    admin.createStatement().execute('CREATE DATABASE ' + database)
}
finally {
    admin.close()
}
String url = postgresqlUrl.replaceFirst('/[^/?]+(\\?.*)?$', '/' + database)
new File(basedir, 'database.txt').text = database
new File(basedir, 'src/main/resources/application.properties').text = """\
spring.application.name=accounts
spring.datasource.url=${url}
spring.datasource.username=postgres
spring.datasource.password=it-secret-password
"""
return true
