package uk.hearth.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates integrators by {@code X-Api-Key}; a wrong key is refused at once, never passed on. */
class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-Api-Key";

    private final List<HearthProperties.ApiKey> keys;

    ApiKeyFilter(List<HearthProperties.ApiKey> keys) {
        this.keys = keys.stream().filter(k -> k.key() != null && !k.key().isBlank()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            Optional<HearthProperties.ApiKey> key = match(presented);
            if (key.isEmpty()) {
                problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown API key");
                return;
            }
            // A context of its own: changing the loaded one would rewrite a staff session that came with the request.
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new ApiClient(key.get().name()), null,
                    AuthorityUtils.createAuthorityList("ROLE_" + SecurityConfiguration.INTEGRATOR)));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** Compares every key in constant time so timing does not reveal how much of a key matched. */
    private Optional<HearthProperties.ApiKey> match(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        HearthProperties.ApiKey found = null;
        for (HearthProperties.ApiKey key : keys) {
            if (MessageDigest.isEqual(given, key.key().getBytes(StandardCharsets.UTF_8))) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
