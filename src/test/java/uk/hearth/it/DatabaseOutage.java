package uk.hearth.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test take the database away: while down, every new connection fails as it does when the
 * server cannot be reached, and the service must answer 503 and store nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
class DatabaseOutage {

    static final class Switch extends DelegatingDataSource {
        private volatile boolean down;

        Switch(DataSource target) {
            super(target);
        }

        void goDown() {
            down = true;
        }

        void comeBack() {
            down = false;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("database unreachable (test outage)");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    @Bean
    static BeanPostProcessor databaseOutageSwitch() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof Switch)
                        && "dataSource".equals(name) ? new Switch(dataSource) : bean;
            }
        };
    }
}
