expectedUrl = 'jdbc:sqlite:accounts.db'
expectedPassword = ' (not set)'
connect = { ->
    Class.forName('org.sqlite.JDBC').getDeclaredConstructor().newInstance()
        .connect('jdbc:sqlite:' + new File(basedir, 'accounts.db').absolutePath, new Properties())
}
evaluate(new File(itSources, 'common/workflow.groovy'))
