package dev.blueprint.workflow.runtime;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server, in-process, bound to the loopback interface only (the stock {@code
 * TestServer} binds every interface). It keeps everything in memory: a restart loses every
 * engagement, and workers must not rely on sticky queues against it.
 */
public final class DevServer implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private DevServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /** Starts on 127.0.0.1:{@code port} (0 = a free port), time skipping off. */
  public static DevServer start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      return new DevServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "cannot listen on 127.0.0.1:" + port + " (" + rootMessage(e) + ")", e);
    }
  }

  /** Runs a dev server on the port given (default 7233) until the process ends. */
  public static void main(String[] args) throws InterruptedException {
    DevServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 7233);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dev-server-shutdown"));
    System.out.println("Temporal dev server listening on " + server.address());
    System.out.flush();
    server.awaitTermination();
  }

  public int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    services.close();
  }

  /** The innermost cause's message, or its class when it has none. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
