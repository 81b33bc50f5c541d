package io.chainsig.node.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real TLS 1.3 meshes on 127.0.0.1: delivery, batching, pinning, garbage and re-dialling. */
class MeshTransportTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
  private final List<AutoCloseable> open = new ArrayList<>();

  /** Events one node saw. */
  static final class Recorder implements MeshListener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();
    /** How many messages each {@link #onMessages} call carried. */
    final List<Integer> deliveries = new CopyOnWriteArrayList<>();

    @Override
    public void onMessages(int from, List<MeshMessage> batch) {
      deliveries.add(batch.size());
      MeshListener.super.onMessages(from, batch);
    }

    @Override
    public void onMessage(int from, MeshMessage m) {
      messages.add(from + ":" + new String(m.sessionId(), StandardCharsets.UTF_8) + ":"
          + new String(m.payload(), StandardCharsets.UTF_8));
    }

    @Override
    public void onRefused(int participant, String remote, String reason) {
      refusals.add(participant + " " + reason);
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private static int freePort() throws Exception {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private record Net(List<MeshPeer> peers, List<MeshKeyPair> keys, List<Recorder> recorders, List<MeshTransport> nodes) {}

  private Net mesh(int n) throws Exception {
    List<MeshPeer> peers = new ArrayList<>();
    List<MeshKeyPair> keys = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      MeshKeyPair k = MeshKeyPair.generate(RANDOM);
      keys.add(k);
      peers.add(new MeshPeer(i, "127.0.0.1", freePort(), k.publicKey()));
    }
    List<Recorder> recs = new ArrayList<>();
    List<MeshTransport> nodes = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Recorder r = new Recorder();
      MeshTransport t =
          new MeshTransport(i, keys.get(i - 1), "127.0.0.1", peers.get(i - 1).port(), () -> peers, r, FAST);
      open.add(t);
      recs.add(r);
      nodes.add(t.start());
    }
    return new Net(peers, keys, recs, nodes);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not reached in 15 s");
      }
      Thread.sleep(20);
    }
  }

  private static MeshMessage msg(String session, String payload) {
    return new MeshMessage(session.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyParticipantReachesEveryOtherOverMutualTls() throws Exception {
    Net net = mesh(3);
    await(() -> net.nodes().stream().allMatch(t -> t.connectedPeers().size() == 2));
    for (int from = 1; from <= 3; from++) {
      for (int to = 1; to <= 3; to++) {
        if (from != to) {
          assertThat(net.nodes().get(from - 1).send(to, msg("s" + from, "hello " + to))).isTrue();
        }
      }
    }
    for (int to = 1; to <= 3; to++) {
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        got.add(net.recorders().get(to - 1).messages.poll(10, TimeUnit.SECONDS));
      }
      List<String> expected = new ArrayList<>();
      for (int from = 1; from <= 3; from++) {
        if (from != to) {
          expected.add(from + ":s" + from + ":hello " + to);
        }
      }
      assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(net.recorders()).allSatisfy(r -> assertThat(r.refusals).isEmpty());
  }

  /** Takes {@code n} messages from a recorder, failing if they do not all come within 10 s. */
  private static List<String> take(Recorder r, int n) throws InterruptedException {
    List<String> got = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String m = r.messages.poll(10, TimeUnit.SECONDS);
      assertThat(m).as("message %d of %d", i + 1, n).isNotNull();
      got.add(m);
    }
    return got;
  }

  @Test
  void aBatchDeliversEverythingToSeveralPeersInOrderOnlyOnceFlushed() throws Exception {
    Net net = mesh(4);
    await(() -> net.nodes().get(0).connectedPeers().size() == 3);
    MeshBatch batch = net.nodes().get(0).newBatch();
    Map<Integer, List<String>> expected = new HashMap<>();
    int seq = 0;
    for (int flush = 0; flush < 3; flush++) {
      for (int i = 0; i < 40; i++) {
        for (int to = 2; to <= 4; to++) {
          String payload = "m" + seq++;
          assertThat(batch.send(to, msg("s", payload))).isTrue();
          expected.computeIfAbsent(to, k -> new ArrayList<>()).add("1:s:" + payload);
        }
      }
      if (flush == 0) {
        Thread.sleep(300);
        assertThat(net.recorders()).as("nothing leaves before the flush").allSatisfy(r -> assertThat(r.messages).isEmpty());
      }
      batch.flush();
    }
    for (int to = 2; to <= 4; to++) {
      Recorder r = net.recorders().get(to - 1);
      assertThat(take(r, 120)).containsExactlyElementsOf(expected.get(to));
      Thread.sleep(50);
      assertThat(r.messages).as("no duplicates").isEmpty();
      assertThat(r.deliveries).as("frames that arrive together are reported together").anyMatch(n -> n > 1);
    }
  }

  @Test
  void aPeerLostMidBatchCostsOnlyItsOwnMessages() throws Exception {
    Net net = mesh(3);
    await(() -> net.nodes().get(0).connectedPeers().size() == 2);
    MeshBatch batch = net.nodes().get(0).newBatch();
    List<String> toTwo = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      assertThat(batch.send(2, msg("s", "a" + i))).isTrue();
      toTwo.add("1:s:a" + i);
      assertThat(batch.send(3, msg("s", "a" + i))).isTrue();
    }
    net.nodes().get(2).close();
    await(() -> !net.nodes().get(0).connectedPeers().contains(3));
    for (int i = 0; i < 30; i++) {
      assertThat(batch.send(2, msg("s", "b" + i))).isTrue();
      toTwo.add("1:s:b" + i);
      assertThat(batch.send(3, msg("s", "b" + i))).as("participant 3 is gone").isFalse();
    }
    batch.flush();
    assertThat(take(net.recorders().get(1), 60)).containsExactlyElementsOf(toTwo);
    assertThat(net.recorders().get(2).messages).isEmpty();
    // The batch keeps working afterwards.
    assertThat(batch.send(2, msg("s", "after"))).isTrue();
    batch.flush();
    assertThat(net.recorders().get(1).messages.poll(10, TimeUnit.SECONDS)).isEqualTo("1:s:after");
  }

  @Test
  void aKeyThatIsNotAParticipantsIsRefused() throws Exception {
    Net net = mesh(2);
    // An outsider lists itself and node 1 (so it dials node 1), but node 1 does not know its key.
    MeshKeyPair outsiderKey = MeshKeyPair.generate(RANDOM);
    List<MeshPeer> outsiderView =
        List.of(net.peers().get(0), new MeshPeer(9, "127.0.0.1", freePort(), outsiderKey.publicKey()));
    Recorder outsider = new Recorder();
    MeshTransport t = new MeshTransport(9, outsiderKey, "127.0.0.1", outsiderView.get(1).port(), () -> outsiderView, outsider, FAST);
    open.add(t);
    t.start();
    await(() -> net.recorders().get(0).refusals.stream().anyMatch(r -> r.contains("TLS handshake failed")));
    Thread.sleep(300);
    assertThat(t.connectedPeers()).as("no hello from node 1, so never connected").isEmpty();
    assertThat(t.send(1, msg("x", "let me in"))).isFalse();
    assertThat(net.recorders().get(0).messages).isEmpty();
  }

  @Test
  void plainTcpGarbageIsRefusedAndNothingBreaks() throws Exception {
    Net net = mesh(2);
    await(() -> net.nodes().get(0).connectedPeers().contains(2));
    try (Socket s = new Socket("127.0.0.1", net.peers().get(0).port())) {
      OutputStream out = s.getOutputStream();
      out.write("GET / HTTP/1.1\r\n\r\n garbage garbage".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await(() -> net.recorders().get(0).refusals.stream().anyMatch(r -> r.startsWith("0 TLS handshake failed")));
    }
    assertThat(net.nodes().get(1).send(1, msg("after", "still works"))).isTrue();
    assertThat(net.recorders().get(0).messages.poll(10, TimeUnit.SECONDS)).isEqualTo("2:after:still works");
  }

  @Test
  void garbageFramesFromAnAuthenticatedPeerCloseItsConnectionAndAreBlamedOnIt() throws Exception {
    Net net = mesh(2);
    // Participant 2's key, but hand-written frames.
    MeshKeyPair k2 = net.keys().get(1);
    SslContext tls =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .protocols("TLSv1.3")
            .keyManager(k2.jdkPrivateKey(), MeshCertificates.selfSigned(k2))
            .trustManager(new PinnedPeerTrustManager(net::peers))
            .endpointIdentificationAlgorithm(null)
            .build();
    EventLoopGroup g = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      for (byte[] frame :
          List.of(
              new byte[] {0, 0, 0, 3, 7, 1, 0}, // version 7
              new byte[] {0, 0, 0, 2, 1, 9}, // truncated session id
              new byte[] {0x7f, 0, 0, 0, 1})) { // 2 GiB length prefix: over the cap
        Channel ch =
            new Bootstrap()
                .group(g)
                .channel(NioSocketChannel.class)
                .handler(
                    new ChannelInitializer<SocketChannel>() {
                      @Override
                      protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(tls.newHandler(c.alloc(), "127.0.0.1", net.peers().get(0).port()));
                      }
                    })
            .connect("127.0.0.1", net.peers().get(0).port())
            .sync()
            .channel();
        ch.pipeline().get(SslHandler.class).handshakeFuture().sync();
        ch.writeAndFlush(Unpooled.wrappedBuffer(frame)).sync();
        assertThat(ch.closeFuture().await(10, TimeUnit.SECONDS)).as("server closes the connection").isTrue();
      }
    } finally {
      g.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
    List<String> refusals = net.recorders().get(0).refusals;
    assertThat(refusals).anyMatch(r -> r.startsWith("2 garbage frame: unsupported frame version 7"));
    assertThat(refusals).anyMatch(r -> r.startsWith("2 garbage frame: frame truncated"));
    assertThat(refusals).anyMatch(r -> r.startsWith("2 frame larger than"));
    // The real participant 2 still gets through.
    await(() -> net.nodes().get(1).connectedPeers().contains(1));
    assertThat(net.nodes().get(1).send(1, msg("ok", "fine"))).isTrue();
    assertThat(net.recorders().get(0).messages.poll(10, TimeUnit.SECONDS)).isEqualTo("2:ok:fine");
  }

  @Test
  void aRestartedPeerIsRedialled() throws Exception {
    Net net = mesh(2);
    await(() -> net.nodes().get(0).connectedPeers().contains(2));
    net.nodes().get(1).close();
    await(() -> !net.nodes().get(0).connectedPeers().contains(2));
    Recorder again = new Recorder();
    MeshTransport restarted =
        new MeshTransport(2, net.keys().get(1), "127.0.0.1", net.peers().get(1).port(), net::peers, again, FAST);
    open.add(restarted);
    restarted.start();
    await(() -> net.nodes().get(0).connectedPeers().contains(2));
    assertThat(net.nodes().get(0).send(2, msg("back", "welcome"))).isTrue();
    assertThat(again.messages.poll(10, TimeUnit.SECONDS)).isEqualTo("1:back:welcome");
  }
}
