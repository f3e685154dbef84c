package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.workflow.runtime.Connection;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Temporal connection options, named as Temporal's own CLI names them, with its variables. */
public final class ConnectionOptions {

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      description = "Temporal frontend (env TEMPORAL_ADDRESS; default 127.0.0.1:7233).")
  String address;

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE; default 'default').")
  String namespace;

  @Option(
      names = "--tls-cert-path",
      paramLabel = "FILE",
      description = "TLS client certificate, PEM (env TEMPORAL_TLS_CERT).")
  Path tlsCert;

  @Option(
      names = "--tls-key-path",
      paramLabel = "FILE",
      description = "TLS client key, PKCS#8 PEM (env TEMPORAL_TLS_KEY).")
  Path tlsKey;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "API key; implies TLS (env TEMPORAL_API_KEY).")
  String apiKey;

  public Connection connection() {
    try {
      return Connection.fromEnvironment(
          System.getenv(), address, namespace, tlsCert, tlsKey, apiKey);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), Cli.USAGE);
    }
  }
}
