# Build stage: the same command the README uses to package.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests && cp target/hearth-*.jar /src/hearth.jar

# Run stage: a JRE, a non-root user, the routes and configuration beside the jar.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin hearth
WORKDIR /app
COPY --from=build /src/hearth.jar /app/hearth.jar
COPY routes /app/routes
COPY config /app/config
RUN mkdir -p /app/data && chown hearth /app/data
USER 10001
EXPOSE 8080
# Production sets SPRING_DATASOURCE_URL to PostgreSQL; without it Hearth keeps an H2 file in /app/data.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/hearth.jar"]
