package uk.hearth.infrastructure.persistence;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.hearth.intake.OptOuts;
import uk.hearth.message.ChannelId;

@Repository
class JdbcOptOuts implements OptOuts {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOptOuts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isOptedOut(ChannelId channel, String address) {
        return jdbc.sql("select count(*) from contact_opt_out where channel = ? and address = ?")
                .params(channel.value(), address).query(Long.class).single() > 0;
    }

    @Override
    public void optOut(ChannelId channel, String address, String reason) {
        if (!isOptedOut(channel, address)) {
            jdbc.sql("insert into contact_opt_out (channel, address, reason, created_at) values (?, ?, ?, ?)")
                    .params(channel.value(), address, Sql.truncate(reason, 500), Sql.ts(clock.instant())).update();
        }
    }

    @Override
    public void optIn(ChannelId channel, String address) {
        jdbc.sql("delete from contact_opt_out where channel = ? and address = ?").params(channel.value(), address)
                .update();
    }
}
