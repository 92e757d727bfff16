package uk.hearth.it;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(locations = "classpath:it/h2.properties")
class ProgressH2IT extends ProgressScenarios {
}
