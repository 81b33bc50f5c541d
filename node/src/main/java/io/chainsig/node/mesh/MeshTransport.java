package io.chainsig.node.mesh;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mesh of one node: listens for participants, dials every other participant, and moves
 * {@link MeshMessage}s over mutually authenticated TLS 1.3. Each node sends on the connections it
 * dialled and receives on the ones it accepted (and on its own, if a peer uses them), so no
 * tie-breaking between two connections is needed. Messages go out in batches ({@link MeshBatch});
 * messages that arrive together are reported together ({@link MeshListener#onMessages}). See
 * {@code docs/mesh.md}.
 */
public final class MeshTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MeshTransport.class);
  private static final AttributeKey<MeshPeer> PEER = AttributeKey.valueOf("chainsig.mesh.peer");
  /**
   * Sent by the accepting side once it has checked the dialler's certificate. With TLS 1.3 the
   * dialler finishes its handshake before the acceptor has judged its certificate, so a dialler
   * treats a connection as usable only after this frame (docs/mesh.md step 4).
   */
  static final byte[] HELLO = {MeshMessage.VERSION, 0};

  private final int self;
  private final Supplier<? extends Collection<MeshPeer>> peers;
  private final MeshListener listener;
  private final Backoff backoff;
  private final SslContext serverTls;
  private final SslContext clientTls;
  private final PinnedPeerTrustManager trust;
  private final EventLoopGroup group;
  private final Map<Integer, Channel> outgoing = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> attempts = new ConcurrentHashMap<>();
  private final Set<Integer> dialling = ConcurrentHashMap.newKeySet();
  private final String bindHost;
  private final int bindPort;
  private volatile Channel server;
  private volatile boolean closed;
  private volatile Set<Integer> connected = Set.of();

  /**
   * Creates a transport (call {@link #start()}).
   *
   * @param self this node's participant id
   * @param keys this node's mesh key pair (must match its entry in {@code peers})
   * @param bindHost the address to listen on
   * @param bindPort the port to listen on (0 picks a free one)
   * @param peers the current participants, read on every handshake and dial
   * @param listener receives messages and events
   * @param backoff re-dial delays
   */
  public MeshTransport(
      int self,
      MeshKeyPair keys,
      String bindHost,
      int bindPort,
      Supplier<? extends Collection<MeshPeer>> peers,
      MeshListener listener,
      Backoff backoff) {
    this.self = self;
    this.peers = peers;
    this.listener = listener;
    this.backoff = backoff;
    this.bindHost = bindHost;
    this.bindPort = bindPort;
    this.trust = new PinnedPeerTrustManager(peers);
    X509Certificate cert = MeshCertificates.selfSigned(keys);
    try {
      this.serverTls =
          SslContextBuilder.forServer(keys.jdkPrivateKey(), cert)
              .sslProvider(SslProvider.JDK)
              .protocols("TLSv1.3")
              .clientAuth(ClientAuth.REQUIRE)
              .trustManager(trust)
              .build();
      this.clientTls =
          SslContextBuilder.forClient()
              .sslProvider(SslProvider.JDK)
              .protocols("TLSv1.3")
              .keyManager(keys.jdkPrivateKey(), cert)
              .trustManager(trust)
              .endpointIdentificationAlgorithm(null) // peers are pinned by key, not by name
              .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS 1.3 for the mesh", e);
    }
    // One event loop, which the node's engine runs on too (docs/mesh.md, "Threads").
    this.group = new MultiThreadIoEventLoopGroup(1, r -> {
      Thread t = new Thread(r, "mpc-engine");
      t.setDaemon(true);
      return t;
    }, NioIoHandler.newFactory());
  }

  /**
   * The mesh's only event loop: every connection's I/O runs on it, and the node runs its engine
   * on it as well, so messages in and out need no hand-over between threads. Code running on it
   * must not block for long.
   */
  public EventLoop eventLoop() {
    return group.next();
  }

  /** Binds the listening socket and starts dialling the other participants. */
  public MeshTransport start() throws InterruptedException {
    ServerBootstrap sb =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new Pipeline(null));
    server = sb.bind(bindHost, bindPort).sync().channel();
    LOG.info("mesh: participant {} listening on {}", self, server.localAddress());
    refreshPeers();
    return this;
  }

  /** The port the mesh listens on. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /**
   * Dials participants that have no outgoing connection yet and drops connections to ones no longer
   * listed. Called at start and whenever the participant set changes.
   */
  public void refreshPeers() {
    Map<Integer, MeshPeer> current = new ConcurrentHashMap<>();
    for (MeshPeer p : peers.get()) {
      current.put(p.participantId(), p);
    }
    for (MeshPeer p : current.values()) {
      if (p.participantId() != self && !outgoing.containsKey(p.participantId())) {
        dial(p.participantId());
      }
    }
    outgoing.forEach(
        (id, ch) -> {
          if (!current.containsKey(id)) {
            ch.close();
          }
        });
  }

  /**
   * Sends a message to a participant over its outgoing connection at once. A thread that sends
   * several messages in a row should queue them in a {@link #newBatch() batch} instead.
   *
   * @return false if there is no live connection to it right now (the caller decides what to do)
   */
  public boolean send(int to, MeshMessage message) {
    MeshBatch one = newBatch();
    boolean queued = one.send(to, message);
    one.flush();
    return queued;
  }

  /** A batch for the calling thread to queue messages in and flush together. */
  public MeshBatch newBatch() {
    return new MeshBatch(this);
  }

  /** The live outgoing connection to a participant, or null. */
  Channel liveConnection(int to) {
    Channel ch = outgoing.get(to);
    return ch == null || !ch.isActive() ? null : ch;
  }

  /** Logs messages that were accepted by {@link MeshBatch#send} but could not be written. */
  static void undelivered(int to, int count, String reason) {
    LOG.info("mesh: {} message(s) to participant {} not delivered: {}", count, to, reason);
  }

  /**
   * Participants this node has a live outgoing connection to: an unmodifiable set that is replaced,
   * not changed, when a connection comes or goes (so a caller can tell "unchanged" by identity).
   */
  public Set<Integer> connectedPeers() {
    Set<Integer> c = connected;
    for (Integer id : c) {
      Channel ch = outgoing.get(id);
      if (ch == null || !ch.isActive()) {
        // Closed, and its close listener has not run yet.
        outgoingChanged();
        return connected;
      }
    }
    return c;
  }

  /** Recomputes {@link #connectedPeers()} after a change of {@link #outgoing}. */
  private synchronized void outgoingChanged() {
    Set<Integer> out = new TreeSet<>();
    outgoing.forEach((id, ch) -> {
      if (ch.isActive()) {
        out.add(id);
      }
    });
    connected = java.util.Collections.unmodifiableSet(out);
  }

  private MeshPeer lookup(int id) {
    for (MeshPeer p : peers.get()) {
      if (p.participantId() == id) {
        return p;
      }
    }
    return null;
  }

  private void dial(int id) {
    if (closed || !dialling.add(id)) {
      return;
    }
    MeshPeer peer = lookup(id);
    if (peer == null) {
      dialling.remove(id);
      return;
    }
    Pipeline pipeline = new Pipeline(peer);
    ChannelFuture f =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
            .handler(pipeline)
            .connect(peer.host(), peer.port());
    f.addListener(
        done -> {
          if (done.isSuccess()) {
            pipeline.watchHandshake(f.channel());
          } else {
            // Not listening (yet): quietly try again later.
            dialling.remove(id);
            scheduleRedial(id);
          }
        });
  }

  private void scheduleRedial(int id) {
    if (closed || lookup(id) == null) {
      return;
    }
    int attempt = attempts.merge(id, 1, Integer::sum) - 1;
    long ms = backoff.delay(attempt, ThreadLocalRandom.current().nextDouble()).toMillis();
    group.schedule(() -> dial(id), ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    if (server != null) {
      server.close();
    }
    outgoing.values().forEach(Channel::close);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** TLS, frames and the message handler; {@code dialled} is the intended peer of an outgoing connection. */
  private final class Pipeline extends ChannelInitializer<SocketChannel> {
    private final MeshPeer dialled;

    Pipeline(MeshPeer dialled) {
      this.dialled = dialled;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
      SslHandler tls =
          dialled == null
              ? serverTls.newHandler(ch.alloc())
              : clientTls.newHandler(ch.alloc(), dialled.host(), dialled.port());
      tls.setHandshakeTimeoutMillis(5000);
      ch.pipeline()
          .addLast("tls", tls)
          .addLast("frames", new LengthFieldBasedFrameDecoder(MeshMessage.MAX_FRAME_BYTES, 0, 4, 0, 4))
          .addLast("mesh", new FrameHandler(dialled));
      if (dialled == null) {
        // Accepted connections are already up; outgoing ones register once connected (see dial).
        watchHandshake(ch);
      }
    }

    void watchHandshake(Channel ch) {
      SslHandler tls = ch.pipeline().get(SslHandler.class);
      tls.handshakeFuture().addListener(hs -> onHandshake((SocketChannel) ch, tls, hs.isSuccess(), hs.cause()));
    }

    private void onHandshake(SocketChannel ch, SslHandler tls, boolean ok, Throwable cause) {
      String remote = String.valueOf(ch.remoteAddress());
      if (!ok) {
        String reason = "TLS handshake failed: " + rootMessage(cause);
        LOG.warn("mesh: refused {} ({})", remote, reason);
        listener.onRefused(dialled == null ? 0 : dialled.participantId(), remote, reason);
        ch.close();
        if (dialled != null) {
          dialling.remove(dialled.participantId());
          scheduleRedial(dialled.participantId());
        }
        return;
      }
      MeshPeer peer;
      try {
        Certificate[] chain = tls.engine().getSession().getPeerCertificates();
        peer = trust.identify(new X509Certificate[] {(X509Certificate) chain[0]});
      } catch (Exception e) {
        LOG.warn("mesh: refused {} ({})", remote, e.getMessage());
        listener.onRefused(0, remote, e.getMessage());
        ch.close();
        return;
      }
      if (dialled != null && peer.participantId() != dialled.participantId()) {
        String reason = "dialled participant " + dialled.participantId() + " but the key is participant " + peer.participantId();
        LOG.warn("mesh: refused {} ({})", remote, reason);
        listener.onRefused(dialled.participantId(), remote, reason);
        ch.close();
        return;
      }
      ch.attr(PEER).set(peer);
      if (dialled == null) {
        ch.writeAndFlush(ch.alloc().buffer(4 + HELLO.length).writeInt(HELLO.length).writeBytes(HELLO));
        return;
      }
      int id = dialled.participantId();
      ch.closeFuture()
          .addListener(
              c -> {
                dialling.remove(id);
                if (outgoing.remove(id, ch)) {
                  outgoingChanged();
                  LOG.info("mesh: connection to participant {} closed", id);
                  listener.onPeerDisconnected(id);
                }
                scheduleRedial(id);
              });
      // No hello within 5 s: the acceptor did not take us; close and re-dial later.
      ch.eventLoop().schedule(() -> {
        if (outgoing.get(id) != ch) {
          ch.close();
        }
      }, 5, TimeUnit.SECONDS);
    }
  }

  private void onHello(Channel ch, MeshPeer dialled) {
    int id = dialled.participantId();
    outgoing.put(id, ch);
    outgoingChanged();
    attempts.remove(id);
    dialling.remove(id);
    LOG.info("mesh: connected to participant {} at {}", id, ch.remoteAddress());
    listener.onPeerConnected(id);
  }

  /**
   * Frames in, messages out. The messages of one read (often several frames from one TLS record)
   * are reported together when the read completes.
   */
  private final class FrameHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private final MeshPeer dialled;
    private List<MeshMessage> received = new ArrayList<>();

    FrameHandler(MeshPeer dialled) {
      this.dialled = dialled;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
      MeshPeer peer = ctx.channel().attr(PEER).get();
      if (peer == null) {
        refuse(ctx, 0, "frame before authentication");
        return;
      }
      byte[] bytes = ByteBufUtil.getBytes(frame);
      if (Arrays.equals(bytes, HELLO)) {
        if (dialled != null && ctx.channel() != outgoing.get(dialled.participantId())) {
          onHello(ctx.channel(), dialled);
        }
        return;
      }
      MeshMessage message;
      try {
        message = MeshMessage.decode(bytes);
      } catch (MalformedFrameException e) {
        refuse(ctx, peer.participantId(), "garbage frame: " + e.getMessage());
        return;
      }
      received.add(message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      report(ctx);
      ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      report(ctx);
      super.channelInactive(ctx);
    }

    /** Hands the messages read so far to the listener. */
    private void report(ChannelHandlerContext ctx) {
      if (received.isEmpty()) {
        return;
      }
      List<MeshMessage> messages = received;
      received = new ArrayList<>();
      listener.onMessages(ctx.channel().attr(PEER).get().participantId(), messages);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      MeshPeer peer = ctx.channel().attr(PEER).get();
      int id = peer != null ? peer.participantId() : dialled != null ? dialled.participantId() : 0;
      if (cause instanceof TooLongFrameException) {
        refuse(ctx, id, "frame larger than " + MeshMessage.MAX_FRAME_BYTES + " bytes");
      } else {
        LOG.debug("mesh: connection error with participant {}: {}", id, rootMessage(cause));
        ctx.close();
      }
    }

    private void refuse(ChannelHandlerContext ctx, int id, String reason) {
      report(ctx); // what the peer sent before the bad frame was fine
      String remote = String.valueOf(ctx.channel().remoteAddress());
      LOG.warn("mesh: closing connection with participant {} at {}: {}", id, remote, reason);
      listener.onRefused(id, remote, reason);
      ctx.close();
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c != null && c.getCause() != null) {
      c = c.getCause();
    }
    return c == null ? "unknown" : c.getClass().getSimpleName() + ": " + c.getMessage();
  }
}
