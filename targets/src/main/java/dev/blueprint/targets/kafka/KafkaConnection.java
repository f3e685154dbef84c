package dev.blueprint.targets.kafka;

import dev.blueprint.targets.TargetException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Where the cluster is and how to talk to it: the bootstrap servers plus the client properties of a
 * {@code --command-config} file, read exactly as Kafka's own tools read it (SASL, TLS, ...).
 *
 * <p>Timeouts are short by default so that a cluster that is down is reported within about {@link
 * #DEFAULT_TIMEOUT}, naming the bootstrap servers, instead of the client's default of a minute.
 *
 * @param bootstrapServers HOST:PORT[,HOST:PORT...]
 * @param clientProperties extra client properties; they win over our defaults except bootstrap
 * @param timeout how long one admin call may take
 */
public record KafkaConnection(
    String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {

  /** How long one call may take unless the caller says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public KafkaConnection {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new TargetException("no Kafka bootstrap server given (--bootstrap-server HOST:PORT)");
    }
    clientProperties = Collections.unmodifiableMap(new HashMap<>(clientProperties));
  }

  /** A plaintext connection with the default timeout. */
  public static KafkaConnection of(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of(), DEFAULT_TIMEOUT);
  }

  /** A connection with the client properties of a {@code --command-config} file, if given. */
  public static KafkaConnection of(String bootstrapServers, Optional<Path> commandConfig) {
    return new KafkaConnection(
        bootstrapServers,
        commandConfig.map(KafkaConnection::load).orElse(Map.of()),
        DEFAULT_TIMEOUT);
  }

  /** The same connection with another timeout. */
  public KafkaConnection withTimeout(Duration newTimeout) {
    return new KafkaConnection(bootstrapServers, clientProperties, newTimeout);
  }

  /** Reads a Java properties file of client settings, as {@code kafka-topics.sh} does. */
  public static Map<String, String> load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new TargetException("cannot read the client config " + file + ": no such file", e);
    } catch (IOException e) {
      throw new TargetException("cannot read the client config " + file + ": " + e, e);
    }
    Map<String, String> out = new HashMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  /** Client settings for an admin, producer or consumer: our timeouts, then the user's file. */
  public Map<String, Object> clientConfig() {
    int ms = (int) timeout.toMillis();
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, ms);
    config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    config.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(ms, 5000));
    config.put(
        CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(ms, 5000));
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1000);
    config.putAll(clientProperties);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /** How long closing an admin may wait for calls still pending (after a failure). */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

  /** A new admin client; the caller closes it, with {@link #CLOSE_TIMEOUT}. */
  public Admin admin() {
    try {
      return Admin.create(clientConfig());
    } catch (RuntimeException e) {
      throw new TargetException(
          "cannot create a Kafka client for " + bootstrapServers + ": " + KafkaErrors.message(e),
          e);
    }
  }
}
