package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementWorker;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dev server listens on loopback only, and is recognised as the Java test server. */
class DevServerTest {

  @Test
  void listensOnLoopbackOnly() throws Exception {
    try (DevServer server = DevServer.start(0)) {
      try (Socket s = new Socket()) {
        assertDoesNotThrow(
            () ->
                s.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000));
      }
      Optional<InetAddress> external = externalAddress();
      assumeTrue(external.isPresent(), "this machine has no non-loopback address");
      try (Socket s = new Socket()) {
        assertThrows(
            IOException.class,
            () -> s.connect(new InetSocketAddress(external.get(), server.port()), 2000),
            "reachable on " + external.get());
      }
    }
  }

  @Test
  void isRecognisedAsTheJavaTestServerSoStickyQueuesAreOff() {
    try (DevServer server = DevServer.start(0)) {
      WorkflowServiceStubs stubs = Connection.local(server.port()).stubs();
      try {
        assertTrue(
            EngagementWorker.isJavaTestServer(Connection.local(server.port()).client(stubs)));
      } finally {
        stubs.shutdown();
      }
    }
  }

  static Optional<InetAddress> externalAddress() throws IOException {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
