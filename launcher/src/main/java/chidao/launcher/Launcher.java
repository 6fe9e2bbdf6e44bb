package chidao.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only a Bolt connector on the loopback interface, for Chidao's
 * own use on a developer machine or CI runner.
 *
 * <p>Usage: {@code Launcher [--port 7687] [--data .data/neo4j] [--pagecache 64m] [--tx-memory 256m]}.
 * Prints exactly one line {@code CHIDAO_NEO4J_READY bolt://127.0.0.1:<port> <version>} on stdout once
 * Bolt accepts connections. Stops cleanly on SIGTERM/SIGINT and also when stdin reaches EOF, so a
 * parent that dies without cleaning up (SIGKILL, crash) never leaves this JVM running.
 *
 * <p>Authentication is disabled because Bolt listens on 127.0.0.1 only; anything reachable from other
 * hosts should be a real Neo4j server reached through NEO4J_URI.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parseArgs(args);
    int port = Integer.parseInt(options.getOrDefault("port", "7687"));
    Path home = Path.of(options.getOrDefault("data", ".data/neo4j")).toAbsolutePath();
    long pageCache = parseBytes(options.getOrDefault("pagecache", "64m"));
    long txMemory = parseBytes(options.getOrDefault("tx-memory", "256m"));

    Files.createDirectories(home);

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            // A 2-core runner with a small heap: bound the page cache and all transaction state so
            // one oversized query fails with a clear error instead of taking the JVM down.
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
            .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
            // Preallocating 256 MB transaction logs costs seconds and disk on every fresh test store.
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            // Bolt otherwise idles 5 s twice on shutdown waiting for connections that the driver
            // already closed; Ctrl-C and every test run would pay for it.
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  stopped.countDown();
                },
                "chidao-neo4j-shutdown"));

    String version =
        service
            .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
            .executeTransactionally(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                Map.of(),
                result -> String.valueOf(result.next().get("v")));

    watchStdin();
    System.out.println("CHIDAO_NEO4J_READY bolt://127.0.0.1:" + port + " " + version);
    System.out.flush();
    stopped.await();
  }

  /** Exits (running the shutdown hook) when the parent closes our stdin, e.g. because it died. */
  private static void watchStdin() {
    Thread watcher =
        new Thread(
            () -> {
              InputStream in = System.in;
              byte[] buffer = new byte[256];
              try {
                while (in.read(buffer) >= 0) {
                  // Input is ignored; only its end matters.
                }
              } catch (IOException ignored) {
                // A broken stdin means the parent is gone, same as EOF.
              }
              System.exit(0);
            },
            "chidao-stdin-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + arg);
      }
      options.put(arg.substring(2), args[++i]);
    }
    return options;
  }

  private static long parseBytes(String text) {
    String t = text.trim().toLowerCase();
    long multiplier = 1;
    if (t.endsWith("k")) multiplier = ByteUnit.kibiBytes(1);
    else if (t.endsWith("m")) multiplier = ByteUnit.mebiBytes(1);
    else if (t.endsWith("g")) multiplier = ByteUnit.gibiBytes(1);
    if (multiplier != 1) t = t.substring(0, t.length() - 1);
    return Long.parseLong(t) * multiplier;
  }
}
