# Build stage: the same command the README uses to package.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
# The build learns the triage models from the shipped examples into the application.
COPY config config
RUN mvn -B -q package -DskipTests

# Run stage: a JRE, a non-root user, the routes and configuration beside the application.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin hearth
WORKDIR /app
COPY routes /app/routes
COPY config /app/config
COPY --from=build /src/target/hearth.jar /tmp/hearth.jar
# The jar extracted (nested jars load slowly) and a class-data-sharing archive recorded by this JRE from a
# start that stops once the context is refreshed: together they halve start-up. bench/run.sh does the same.
RUN java -Djarmode=tools -jar /tmp/hearth.jar extract --destination /app/app \
 && SPRING_DATASOURCE_URL=jdbc:h2:mem:cds java -XX:ArchiveClassesAtExit=/app/hearth.jsa \
      -Dspring.context.exit=onRefresh -jar /app/app/hearth.jar \
 && rm /tmp/hearth.jar \
 && mkdir -p /app/data && chown hearth /app/data
USER 10001
EXPOSE 8080
# Production sets SPRING_DATASOURCE_URL to PostgreSQL; without it Hearth keeps an H2 file in /app/data.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
# Heap up to three quarters of the container's memory; when idle, a periodic collection hands unused heap back to
# the system (G1, JEP 346), keeping at most 30% of the heap free (the default, 70%, kept 30-45 MB more at rest).
# bench/run.sh starts the service with these flags.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:SharedArchiveFile=/app/hearth.jsa -jar /app/app/hearth.jar"]
