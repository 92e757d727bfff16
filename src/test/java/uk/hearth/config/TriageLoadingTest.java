package uk.hearth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import uk.hearth.intake.triage.Triage;
import uk.hearth.intake.triage.TriageConfigException;

class TriageLoadingTest {

    @Test
    void theTriageReadOnItsOwnThreadIsTheOneTheBeanGets() {
        Triage triage = new Triage(List.of());
        assertThat(new TriageLoading.Pending(() -> triage).get()).isSameAs(triage);
    }

    @Test
    void aBrokenConfigurationStopsStartUpWithItsOwnMessage() {
        TriageLoading.Pending pending = new TriageLoading.Pending(() -> {
            throw new TriageConfigException("config/triage/rules.yaml: rules.gas: unknown list 'gass'");
        });
        assertThatThrownBy(pending::get).isInstanceOf(TriageConfigException.class)
                .hasMessage("config/triage/rules.yaml: rules.gas: unknown list 'gass'");
    }

    @Test
    void theContextGetsOneLoadingStartedWhenItIsMade() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new TriageLoading().initialize(context);
            Object first = context.getBeanFactory().getSingleton(TriageLoading.BEAN);
            new TriageLoading().initialize(context);
            assertThat(first).isInstanceOf(TriageLoading.Pending.class);
            assertThat(context.getBeanFactory().getSingleton(TriageLoading.BEAN)).isSameAs(first);
        }
    }
}
