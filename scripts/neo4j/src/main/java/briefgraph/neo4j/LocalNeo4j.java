package briefgraph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import picocli.CommandLine;

/**
 * Embedded Neo4j Community DBMS with only the Bolt connector, for scripts/neo4j-local.
 *
 * Usage: java -cp ... briefgraph.neo4j.LocalNeo4j HOME_DIR BOLT_PORT   (password in env NEO4J_PASSWORD)
 *
 * HOME_DIR must be new/empty (the initial password only applies to a fresh DBMS). Listens on
 * 127.0.0.1:BOLT_PORT (no TLS, no HTTP), auth on, user neo4j. Prints "LocalNeo4j READY ..." once Bolt
 * accepts connections, then blocks until SIGTERM/SIGINT and shuts down cleanly.
 * Uses two internal Neo4j APIs (SetInitialPasswordCommand, GraphDatabaseInternalSettings): fine while
 * the version is pinned in ../pom.xml; re-check them when bumping it.
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("NEO4J_PASSWORD is not set");
        }

        // Same as `neo4j-admin dbms set-initial-password PW`: writes data/dbms/auth.ini, which the first
        // start turns into user neo4j with that password and no forced change (the default is "neo4j"
        // plus must-change). The conf file is only read by this command, to accept short passwords.
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("neo4j.conf"), "dbms.security.auth_minimum_password_length=1\n");
        int rc = new CommandLine(new SetInitialPasswordCommand(new ExecutionContext(home, conf))).execute(password);
        if (rc != 0) {
            throw new IllegalStateException("set-initial-password failed: " + rc);
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                // no lock-out after failed logins (default: 3 failures lock the user for 5 s)
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                // don't write 2 x 256 MiB of preallocated transaction logs on every (fresh) start
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // stop in ~1 s instead of waiting out Netty's 5 s quiet period
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalNeo4j shutting down");
            dbms.shutdown();
            stopped.countDown();
        }));

        System.out.println("LocalNeo4j READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}
