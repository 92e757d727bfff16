package uk.hearth.infrastructure.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's job store on the application's DataSource, registered with Quartz under names of its own.
 * Spring registers the DataSource in Quartz's JVM-wide connection manager under the scheduler's name, which
 * every node of a cluster shares; two application contexts in one JVM (the two-node test, a test suite)
 * would then both use whichever DataSource was registered last. This store keeps each context on its own.
 */
public class ClusteredJobStore extends LocalDataSourceJobStore {

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        DataSource dataSource = SchedulerFactoryBean.getConfigTimeDataSource();
        super.initialize(loadHelper, signaler);
        String own = getInstanceName() + "." + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider("tx." + own,
                new Provider(() -> DataSourceUtils.doGetConnection(dataSource)));
        DBConnectionManager.getInstance().addConnectionProvider("nonTx." + own,
                new Provider(dataSource::getConnection));
        setDataSource("tx." + own);
        setNonManagedTXDataSource("nonTx." + own);
    }

    private interface Source {
        Connection get() throws SQLException;
    }

    /** The DataSource's own lifecycle is Spring's: nothing to start or stop here. */
    private record Provider(Source source) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return source.get();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
