package dev.blueprint.workflow.runtime;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.ZlibPayloadCodec;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the Temporal service is, following Temporal's conventions: TEMPORAL_ADDRESS (default
 * 127.0.0.1:7233), TEMPORAL_NAMESPACE (default {@code default}), a TLS client certificate and key
 * (TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY), and TEMPORAL_API_KEY (which implies TLS).
 *
 * @param address host:port
 * @param namespace the namespace
 * @param tlsCert PEM client certificate, or null
 * @param tlsKey PKCS#8 PEM client key, or null
 * @param apiKey API key, or null
 */
public record Connection(
    String address, String namespace, Path tlsCert, Path tlsKey, String apiKey) {

  public static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
  public static final String DEFAULT_NAMESPACE = "default";

  public Connection {
    address = blankToNull(address) == null ? DEFAULT_ADDRESS : address.strip();
    namespace = blankToNull(namespace) == null ? DEFAULT_NAMESPACE : namespace.strip();
    apiKey = blankToNull(apiKey);
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("give both the TLS client certificate and its key");
    }
  }

  /** The connection the environment describes; explicit values (non-null) win. */
  public static Connection fromEnvironment(
      Map<String, String> env,
      String address,
      String namespace,
      Path tlsCert,
      Path tlsKey,
      String apiKey) {
    return new Connection(
        address != null ? address : env.get("TEMPORAL_ADDRESS"),
        namespace != null ? namespace : env.get("TEMPORAL_NAMESPACE"),
        tlsCert != null ? tlsCert : path(env.get("TEMPORAL_TLS_CERT")),
        tlsKey != null ? tlsKey : path(env.get("TEMPORAL_TLS_KEY")),
        apiKey != null ? apiKey : env.get("TEMPORAL_API_KEY"));
  }

  public static Connection local(int port) {
    return new Connection("127.0.0.1:" + port, null, null, null, null);
  }

  public boolean secure() {
    return tlsCert != null || apiKey != null;
  }

  /** Service stubs; the caller shuts them down. */
  public WorkflowServiceStubs stubs() {
    return stubs(null);
  }

  /**
   * Service stubs whose queries give up after {@code queryTimeout} (null: the SDK's default), so
   * that a question to an engagement no worker serves fails in time; the caller shuts them down.
   */
  public WorkflowServiceStubs stubs(Duration queryTimeout) {
    WorkflowServiceStubsOptions.Builder b =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(address)
            .setRpcTimeout(Duration.ofSeconds(10));
    if (queryTimeout != null) {
      b.setRpcQueryTimeout(queryTimeout);
    }
    if (tlsCert != null) {
      try (InputStream cert = Files.newInputStream(tlsCert);
          InputStream key = Files.newInputStream(tlsKey)) {
        b.setSslContext(SimpleSslContextBuilder.forPKCS8(cert, key).build());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the TLS certificate or key: " + e, e);
      }
    } else if (apiKey != null) {
      b.setEnableHttps(true);
    }
    if (apiKey != null) {
      String key = apiKey;
      b.addApiKey(() -> key);
    }
    return WorkflowServiceStubs.newServiceStubs(b.build());
  }

  /**
   * A client whose payloads are compressed (Temporal's own zlib codec): blueprints, change
   * requests, checkpoints and statuses travel through the history and the gRPC messages, whose
   * limits (2 MB a payload, 4 MB a message) a blueprint the loader accepts (up to 4 MiB of YAML)
   * would exceed; compressed, YAML shrinks five to twenty times. Payloads written without it still
   * decode. Workers and clients of one server must all use it, so every one is made here.
   */
  public WorkflowClient client(WorkflowServiceStubs stubs) {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder()
            .setNamespace(namespace)
            .setDataConverter(DATA_CONVERTER)
            .build());
  }

  /** The default JSON conversion, compressed. */
  public static final DataConverter DATA_CONVERTER =
      new CodecDataConverter(
          DefaultDataConverter.newDefaultInstance(), List.of(new ZlibPayloadCodec()));

  private static Path path(String value) {
    return blankToNull(value) == null ? null : Path.of(value);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
