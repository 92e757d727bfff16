package uk.hearth.infrastructure.schedule;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Quartz's SQL dialect for the database Hearth runs on. PostgreSQL needs its own delegate because job data
 * lives in BYTEA, which its driver will not read as a java.sql.Blob; H2 reads BYTEA either way.
 */
public final class QuartzDelegates {
    private QuartzDelegates() {
    }

    public static String forProduct(String databaseProductName) {
        return databaseProductName != null && databaseProductName.toLowerCase(Locale.ROOT).contains("postgres")
                ? PostgreSQLDelegate.class.getName()
                : StdJDBCDelegate.class.getName();
    }

    public static String forDataSource(DataSource dataSource) {
        try {
            return forProduct(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the scheduler runs on", e);
        }
    }
}
