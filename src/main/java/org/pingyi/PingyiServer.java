package org.pingyi;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.pingyi.archive.ArchiveZipRoutes;
import org.pingyi.archive.ArchiveZipService;
import org.pingyi.archive.CompletenessRoutes;
import org.pingyi.archive.RecordCheck;
import org.pingyi.audit.AuditRoutes;
import org.pingyi.auditlog.AuditLog;
import org.pingyi.auth.AccountRoutes;
import org.pingyi.auth.AccountService;
import org.pingyi.auth.AuthRoutes;
import org.pingyi.auth.AuthService;
import org.pingyi.auth.JwtKeys;
import org.pingyi.ballot.FrozenFormCache;
import org.pingyi.board.BoardRoutes;
import org.pingyi.board.BoardService;
import org.pingyi.box.BallotBox;
import org.pingyi.box.Mixer;
import org.pingyi.config.AppConfig;
import org.pingyi.db.DatabaseSettings;
import org.pingyi.event.EventRoutes;
import org.pingyi.event.EventService;
import org.pingyi.feedback.FeedbackRoutes;
import org.pingyi.feedback.FeedbackService;
import org.pingyi.feedback.InboxMixer;
import org.pingyi.feedback.SubmitRoutes;
import org.pingyi.feedback.SubmitService;
import org.pingyi.form.FormRepository;
import org.pingyi.formeditor.FormRoutes;
import org.pingyi.formeditor.FormService;
import org.pingyi.http.AppError;
import org.pingyi.http.Connections;
import org.pingyi.http.ErrorCode;
import org.pingyi.http.FailureHandler;
import org.pingyi.http.InvalidRequests;
import org.pingyi.http.JsonBody;
import org.pingyi.http.Methods;
import org.pingyi.http.Params;
import org.pingyi.http.RequestLog;
import org.pingyi.http.SecurityHeaders;
import org.pingyi.http.StaticFiles;
import org.pingyi.metrics.Measurements;
import org.pingyi.ops.OpsRoutes;
import org.pingyi.paper.PaperRoutes;
import org.pingyi.paper.PaperService;
import org.pingyi.probation.ProbationAssessments;
import org.pingyi.probation.ProbationRoutes;
import org.pingyi.probation.ProbationService;
import org.pingyi.rawexport.RawExportRoutes;
import org.pingyi.rawexport.RawExportService;
import org.pingyi.screen.ScreenRoutes;
import org.pingyi.slip.SlipRoutes;
import org.pingyi.slip.SlipService;
import org.pingyi.staff.StaffAuth;
import org.pingyi.summary.SummaryExports;
import org.pingyi.summary.SummaryRoutes;
import org.pingyi.tally.TallySnapshots;
import org.pingyi.vote.CastService;
import org.pingyi.vote.VoteRoutes;

/** The HTTP server: builds the pool and the features, mounts their routes, and listens. */
public final class PingyiServer extends VerticleBase {
  private static final long API_BODY_LIMIT = 1024 * 1024;
  /**
   * A connection that sends or receives nothing this long is closed: a phone that stalls mid-ballot frees its
   * connection (its ballot is simply not cast), and tally streams stay open through their 15-second heartbeats.
   */
  private static final int IDLE_TIMEOUT_SECONDS = 60;
  /** Whose day decides what is due on the probation register: the organisation departments' (China's). */
  private static final Clock CHINA_CLOCK = Clock.system(ZoneOffset.ofHours(8));

  private final AppConfig config;
  private final DatabaseSettings database;
  private final Measurements measurements;
  private final Clock sessionClock;
  private Pool pool;
  private Router router;
  private HttpServer server;
  private ScreenRoutes screen;
  private Mixer mixer;
  private InboxMixer inboxMixer;

  public PingyiServer(AppConfig config, DatabaseSettings database, Measurements measurements) {
    this(config, database, measurements, Clock.systemUTC());
  }

  /** @param sessionClock when sign-ins happen, for their tokens' lifetimes: a test's, to hold an expired token */
  public PingyiServer(AppConfig config, DatabaseSettings database, Measurements measurements,
                      Clock sessionClock) {
    this.config = config;
    this.database = database;
    this.measurements = measurements;
    this.sessionClock = sessionClock;
  }

  @Override
  public Future<?> start() {
    pool = PgBuilder.pool()
        // Named for the metrics (pool_name): the waits for a connection are reported under it.
        .with(new PoolOptions().setMaxSize(8).setName("pingyi"))
        .connectingTo(database.connectOptions())
        .using(vertx)
        .build();
    return JwtKeys.load(pool, config.jwtKey())
        .compose(jwtKey -> Future.all(StaticFiles.load(vertx), OpsRoutes.openApi(vertx))
            .compose(read -> wire(jwtKey, read.resultAt(0), read.resultAt(1))))
        .compose(wired -> {
          router = wired;
          return screen.listen(vertx, database.connectOptions());
        })
        .compose(v -> listen())
        .onSuccess(listening -> server = listening);
  }

  private Future<HttpServer> listen() {
    HttpServerOptions options = Connections.serverOptions(IDLE_TIMEOUT_SECONDS);
    return vertx.createHttpServer(options)
        .connectionHandler(Connections.guard(vertx, options, config.connectionLimits(), config.trustedProxies()))
        .invalidRequestHandler(InvalidRequests::answer).requestHandler(router).listen(config.httpPort());
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Every mounted operation as "METHOD /path/{param}", to check the OpenAPI document against. HEAD is left out:
   * every page answers it as its GET ({@link Methods}), which the document says once rather than per page. An
   * operation mounted as more than one route (the ballot's admission before its handler) is one operation.
   */
  public List<String> operations() {
    Set<String> operations = new LinkedHashSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null) continue;
      String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      route.methods().stream().filter(method -> method != HttpMethod.HEAD)
          .forEach(method -> operations.add(method.name() + " " + path));
    }
    return List.copyOf(operations);
  }

  private Future<Router> wire(String jwtKey, StaticFiles files, Buffer openApi) {
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(jwtKey)));
    StaffAuth staffAuth = new StaffAuth(jwt, pool);
    AuditLog audit = new AuditLog();
    AuthService authService = new AuthService(vertx, pool, jwt, config.sessionTtl(), sessionClock, audit);
    FormService formService = new FormService(pool, audit);
    RecordCheck recordCheck = new RecordCheck();
    BallotBox box = new BallotBox();
    mixer = new Mixer(vertx, pool, box, measurements);
    EventService eventService = new EventService(pool, audit, formService, recordCheck, box);
    formService.useEvents(eventService);
    FrozenFormCache frozenForms = new FrozenFormCache(new FormRepository());
    TallySnapshots snapshots = new TallySnapshots(pool, frozenForms, BoardService.links(config.publicUrl()));
    ProbationAssessments probation =
        new ProbationAssessments(pool, audit, eventService, formService, frozenForms, CHINA_CLOCK);
    eventService.followArchives(probation);

    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler();
    router.route().handler(new RequestLog()).handler(new SecurityHeaders()).handler(Params.refuseControlCharacters());
    VoteRoutes votes = new VoteRoutes(new CastService(pool, frozenForms, box, measurements), files, measurements);
    votes.mountCasting(router, config.connectionLimits().ballotsInFlight(), API_BODY_LIMIT);
    router.route("/api/*").handler(JsonBody.declaredJson());
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(API_BODY_LIMIT)).handler(JsonBody.decoded());
    // The ballots' routes first: the router tries routes in order, matching each pattern with a regex of its own, and
    // no other route's pattern can match /v or /api/v/... (a ballot used to be tried against some 50 routes first).
    votes.mount(router);
    new OpsRoutes(pool, staffAuth, config.publicUrl(), openApi).mount(router);
    new AuthRoutes(authService, staffAuth, config.trustedProxies()).mount(router);
    new AccountRoutes(new AccountService(pool, authService, audit), staffAuth).mount(router);
    new AuditRoutes(pool, staffAuth).mount(router);
    new EventRoutes(eventService, staffAuth).mount(router);
    new FormRoutes(formService, staffAuth).mount(router);
    WorkerExecutor exportWorkers = exportWorkers();
    new ProbationRoutes(new ProbationService(pool, audit, CHINA_CLOCK), probation, staffAuth, exportWorkers)
        .mount(router);
    new SlipRoutes(new SlipService(pool, eventService, audit), staffAuth, config.publicUrl(), slipSheetWorkers())
        .mount(router);
    new PaperRoutes(new PaperService(pool, eventService, audit, frozenForms, box, mixer), staffAuth).mount(router);
    new CompletenessRoutes(pool, eventService, recordCheck, staffAuth).mount(router);
    SummaryExports summaries = new SummaryExports(exportWorkers, pool, eventService, frozenForms, snapshots);
    new SummaryRoutes(summaries, staffAuth).mount(router);
    RawExportService rawExports = new RawExportService(pool, eventService);
    new RawExportRoutes(rawExports, staffAuth, exportWorkers).mount(router);
    new ArchiveZipRoutes(new ArchiveZipService(pool, eventService, rawExports, summaries, exportWorkers), staffAuth,
        exportWorkers).mount(router);
    // The public board's PDF on a thread of its own: any number of voters may ask for it after the close, and they must
    // never keep the organizer's summary or bundle waiting on the exports' workers.
    new BoardRoutes(new BoardService(pool), files, config.publicUrl(),
        vertx.createSharedWorkerExecutor("pingyi-board", 1, 5, TimeUnit.MINUTES)).mount(router);
    inboxMixer = new InboxMixer(vertx, pool);
    new SubmitRoutes(SubmitService.create(vertx, pool, jwtKey), files).mount(router);
    new FeedbackRoutes(new FeedbackService(pool, audit), staffAuth, config.publicUrl(), exportWorkers).mount(router);
    screen = new ScreenRoutes(vertx, pool, staffAuth, eventService, audit, files, snapshots, measurements);
    screen.mount(router);
    router.get("/").handler(ctx -> ctx.redirect("/console/"));
    // After every route, before the fallbacks: HEAD on pages, and 405 for a routed address's other methods.
    Methods.mount(router);
    router.route("/api/*").handler(ctx -> ctx.fail(AppError.of(ErrorCode.NOT_FOUND, "接口不存在")));
    router.route().handler(files);
    router.route().failureHandler(failures);
    // 400: an address the router cannot even decode (a stray %), refused before any route is matched.
    router.errorHandler(400, failures.forStatus(400));
    router.errorHandler(404, failures.forStatus(404));
    router.errorHandler(405, failures.forStatus(405));

    return authService.ensureInitialAdmin(config.adminPassword()).map(generated -> {
      generated.ifPresent(PingyiServer::announceAdminPassword);
      return router;
    });
  }

  /**
   * Two threads render slip sheets: a 100,000-slip PDF keeps a core busy for a minute or more (past the
   * default workers' 60 s blocked-thread warning), so two at a time, not twenty, while the rest queue.
   * Created in start(), so undeploying the verticle closes it.
   */
  private WorkerExecutor slipSheetWorkers() {
    return vertx.createSharedWorkerExecutor("pingyi-slip-sheets", 2, 30, TimeUnit.MINUTES);
  }

  /**
   * Two threads write exports, summary tables and archive bundles (xlsx, PDF, zip): like slip sheets, a large one
   * keeps a core busy, so two at a time while the rest queue, and never on the default workers that hash sign-in
   * passwords. Created in start(), so undeploying the verticle closes it.
   */
  private WorkerExecutor exportWorkers() {
    return vertx.createSharedWorkerExecutor("pingyi-exports", 2, 30, TimeUnit.MINUTES);
  }

  private static void announceAdminPassword(String password) {
    // Printed once, on the console only: the operator signs in with it and must then change it (AuthService).
    System.out.println("""

        ==============================================================
          首次启动：已创建管理员账户 admin
          初始密码：%s
          首次登录时须修改此密码。（设置 PINGYI_ADMIN_PASSWORD 可自行指定初始密码）
        ==============================================================
        """.formatted(password));
  }

  @Override
  public Future<?> stop() {
    if (mixer != null) mixer.stop();
    if (inboxMixer != null) inboxMixer.stop();
    Future<Void> listening = screen == null ? Future.succeededFuture() : screen.stop();
    return listening.eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
