package org.scalefit.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools protocol with nothing but the JDK's WebSocket client:
 * started with a fresh profile and every background service off (this machine's network is closed, and a
 * test must not depend on one), one page attached in flat session mode, commands sent and answered by id,
 * events kept for the test to inspect.
 *
 * <pre>{@code
 * try (Cdp chrome = Cdp.start(Cdp.find().orElseThrow())) {
 *     Cdp.Page page = chrome.newPage();
 *     page.open(Path.of("report.html"), 1280, 900, false);
 *     JsonNode facts = page.evaluate("document.title");
 * }
 * }</pre>
 */
final class Cdp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The flags the project's README gives for a headless Chromium on a machine without network. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    private Cdp(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /**
     * @return the Chromium executable: $SCALEFIT_CHROMIUM, else chromium, chromium-browser, google-chrome or
     *         google-chrome-stable on the PATH
     */
    static java.util.Optional<Path> find() {
        String env = System.getenv("SCALEFIT_CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return java.util.Optional.of(Path.of(env));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return java.util.Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return java.util.Optional.of(p);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Starts Chromium and connects to its browser endpoint.
     *
     * @param executable the browser
     * @return the connection
     */
    static Cdp start(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("scalefit-chromium-");
        List<String> cmd = new ArrayList<>(List.of(executable.toString()));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Deque<String> lines = new ArrayDeque<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (lines) {
                        lines.addLast(line);
                        if (lines.size() > 50) {
                            lines.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // The browser has gone; its last lines are kept for the failure message.
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        // Chromium writes the port it chose and the browser's WebSocket path to DevToolsActivePort.
        Path active = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> port = List.of();
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(active)) {
                port = Files.readAllLines(active);
                if (port.size() >= 2) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        if (port.size() < 2) {
            p.destroyForcibly();
            String last;
            synchronized (lines) {
                last = String.join("\n", lines);
            }
            throw new IOException("Chromium did not open its DevTools port within 30 s (exit "
                    + (p.isAlive() ? "none" : p.exitValue()) + "); its last lines:\n" + last);
        }
        URI uri = URI.create("ws://127.0.0.1:" + port.get(0).trim() + port.get(1).trim());
        Cdp[] self = new Cdp[1];
        StringBuilder partial = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String message = partial.toString();
                            partial.setLength(0);
                            self[0].receive(message);
                        }
                        w.request(1);
                        return null;
                    }
                }).join();
        Cdp cdp = new Cdp(p, profile, ws);
        self[0] = cdp;
        return cdp;
    }

    private void receive(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException e) {
            return;
        }
        if (node.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(node.get("id").asInt());
            if (f != null) {
                if (node.has("error")) {
                    f.completeExceptionally(new IOException("DevTools error: " + node.get("error")));
                } else {
                    f.complete(node.path("result"));
                }
            }
        } else {
            synchronized (events) {
                events.add(node);
                events.notifyAll();
            }
        }
    }

    /** Sends a command (to a page's session when {@code session} is not null) and waits for its answer. */
    JsonNode send(String session, String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).join();
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException(method + " got no answer within 60 s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " was interrupted", e);
        }
    }

    /** Waits for an event matching {@code test} that arrived after index {@code from}. */
    JsonNode await(int from, Predicate<JsonNode> test, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (events) {
            while (true) {
                for (int i = from; i < events.size(); i++) {
                    if (test.test(events.get(i))) {
                        return events.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no matching DevTools event within " + seconds + " s");
                }
                events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** @return how many events have arrived */
    int eventCount() {
        synchronized (events) {
            return events.size();
        }
    }

    /** @return the events from index {@code from} on of a session */
    List<JsonNode> events(int from, String session) {
        synchronized (events) {
            return events.subList(from, events.size()).stream()
                    .filter(e -> session.equals(e.path("sessionId").asText())).toList();
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /**
     * @return a new page (tab) attached in flat mode, with its page, runtime, log and network domains enabled
     */
    Page newPage() throws IOException {
        String target = send(null, "Target.createTarget", params().put("url", "about:blank")).path("targetId").asText();
        String session = send(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true))
                .path("sessionId").asText();
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            send(session, domain + ".enable", null);
        }
        return new Page(this, session);
    }

    @Override
    public void close() throws IOException {
        try {
            send(null, "Browser.close", null);
        } catch (IOException ignored) {
            // It may have closed the socket before answering.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        socket.abort();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** One tab, with what it logged since it was opened. */
    static final class Page {
        private final Cdp cdp;
        private final String session;
        private int from;

        Page(Cdp cdp, String session) {
            this.cdp = cdp;
            this.session = session;
        }

        /**
         * Opens a file at a window size (a phone when {@code mobile}) and waits until it has loaded.
         *
         * @param file   the page
         * @param width  viewport width in CSS pixels
         * @param height viewport height
         * @param mobile emulate a phone (touch, mobile viewport)
         */
        void open(Path file, int width, int height, boolean mobile) throws IOException, InterruptedException {
            cdp.send(session, "Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                    .put("deviceScaleFactor", 1).put("mobile", mobile));
            from = cdp.eventCount();
            cdp.send(session, "Page.navigate", params().put("url", file.toUri().toString()));
            cdp.await(from, e -> "Page.loadEventFired".equals(e.path("method").asText())
                    && session.equals(e.path("sessionId").asText()), 60);
        }

        /**
         * @param expression JavaScript returning a JSON-able value
         * @return its value
         */
        JsonNode evaluate(String expression) throws IOException {
            JsonNode r = cdp.send(session, "Runtime.evaluate", params().put("expression", expression)
                    .put("returnByValue", true).put("awaitPromise", true));
            if (r.has("exceptionDetails")) {
                throw new IOException("the page's script failed: " + r.get("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        /** @return the page as PNG, the whole page and not only the viewport */
        byte[] screenshot() throws IOException {
            String data = cdp.send(session, "Page.captureScreenshot", params().put("format", "png")
                    .put("captureBeyondViewport", true)).path("data").asText();
            return java.util.Base64.getDecoder().decode(data);
        }

        /** @return the page printed to PDF (A4), as the browser's print dialog would */
        byte[] print() throws IOException {
            String data = cdp.send(session, "Page.printToPDF", params().put("paperWidth", 8.27).put("paperHeight", 11.69)
                    .put("printBackground", false)).path("data").asText();
            return java.util.Base64.getDecoder().decode(data);
        }

        /** @param media "print" or "" for the screen */
        void media(String media) throws IOException {
            cdp.send(session, "Emulation.setEmulatedMedia", params().put("media", media));
        }

        /** @return console errors, uncaught exceptions and log entries of level error since the page was opened */
        List<String> errors() {
            List<String> out = new ArrayList<>();
            for (JsonNode e : cdp.events(from, session)) {
                String m = e.path("method").asText();
                JsonNode p = e.path("params");
                if (m.equals("Runtime.exceptionThrown")) {
                    out.add("exception: " + p.path("exceptionDetails").path("text").asText() + " "
                            + p.path("exceptionDetails").path("exception").path("description").asText());
                } else if (m.equals("Runtime.consoleAPICalled") && (p.path("type").asText().equals("error")
                        || p.path("type").asText().equals("assert"))) {
                    out.add("console." + p.path("type").asText() + ": " + p.path("args"));
                } else if (m.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                    out.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                }
            }
            return out;
        }

        /** @return every address the page asked for since it was opened, other than its own file */
        List<String> requests(Path file) {
            List<String> out = new ArrayList<>();
            String self = file.toUri().toString();
            for (JsonNode e : cdp.events(from, session)) {
                if (e.path("method").asText().equals("Network.requestWillBeSent")) {
                    String url = e.path("params").path("request").path("url").asText();
                    if (!url.equals(self) && !url.startsWith("data:") && !url.equals("about:blank")) {
                        out.add(url);
                    }
                }
            }
            return out;
        }
    }
}
