package uk.hearth.config;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. {@code /api/**}: an integrator's X-Api-Key or a staff session, JSON 401s, CSRF
 * checked only for browser (session) requests. Everything else: public resident pages, staff pages
 * behind a login form, and providers' webhooks, which their signatures protect instead of a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String STAFF = "STAFF";
    static final String INTEGRATOR = "INTEGRATOR";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, HearthProperties properties) throws Exception {
        // A cross-site page can only send form, multipart or text/plain bodies without a CORS preflight
        // (which is never granted), so those are the requests that need a CSRF token.
        RequestMatcher browserWrite = request -> request.getHeader(ApiKeyFilter.HEADER) == null
                && !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
                && isSimpleFormType(request.getContentType());
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/messages").hasRole(INTEGRATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/staff/contacts").hasRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**")
                        .hasAnyRole(STAFF, INTEGRATOR)
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiKeyFilter(properties.security().apiKeys()),
                        UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(browserWrite))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                ApiKeyFilter.problem(response, HttpServletResponse.SC_UNAUTHORIZED,
                                        "Authentication required: send a valid X-Api-Key header, or log in as staff"))
                        .accessDeniedHandler((request, response, e) ->
                                ApiKeyFilter.problem(response, HttpServletResponse.SC_FORBIDDEN,
                                        "Not allowed for these credentials")));
        return http.build();
    }

    private static boolean isSimpleFormType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        return type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data") || type.startsWith("text/plain");
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/staff/**").hasRole(STAFF)
                        .anyRequest().permitAll())
                // Providers' webhooks carry no session to forge; each is checked by its provider's signature.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/twilio/**"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff/forward", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Staff users from configuration; entries with no username or password hash are skipped. */
    @Bean
    UserDetailsService staffUsers(HearthProperties properties) {
        List<UserDetails> users = properties.security().staffUsers().stream()
                .filter(u -> u.username() != null && !u.username().isBlank())
                .filter(u -> u.password() != null && !u.password().isBlank())
                .map(u -> User.withUsername(u.username())
                        .password(u.password().startsWith("{") ? u.password() : "{bcrypt}" + u.password())
                        .roles(STAFF).build())
                .toList();
        if (users.isEmpty()) {
            log.warn("No staff users configured (hearth.security.staff-users): nobody can log in to /staff");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
