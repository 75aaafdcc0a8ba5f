package org.storeline.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.bigcommerce.BigCommerceConnector;
import org.storeline.channels.ecwid.EcwidConnector;
import org.storeline.channels.lightspeed.LightspeedConnector;
import org.storeline.channels.shopify.ShopifyConnector;
import org.storeline.channels.woocommerce.WooCommerceConnector;
import org.storeline.core.catalog.CatalogService;
import org.storeline.core.channel.ChannelMonitor;
import org.storeline.core.channel.ChannelService;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.email.CustomerEmailSender;
import org.storeline.core.email.CustomerEmailService;
import org.storeline.core.email.FulfillmentEmailReader;
import org.storeline.core.email.RetryPolicy;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.event.LiveEvents;
import org.storeline.core.fulfillment.FulfillmentBoard;
import org.storeline.core.fulfillment.FulfillmentDetails;
import org.storeline.core.fulfillment.FulfillmentService;
import org.storeline.core.fulfillment.FulfillmentWorkflow;
import org.storeline.core.fulfillment.PackingSlipService;
import org.storeline.core.fulfillment.ScannerService;
import org.storeline.core.notification.NotificationService;
import org.storeline.core.orderimport.CustomerResolver;
import org.storeline.core.orderimport.OrderImportService;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.payment.PaymentTypeService;
import org.storeline.core.refund.RefundSender;
import org.storeline.core.refund.RefundSettlement;
import org.storeline.core.register.RegisterService;
import org.storeline.core.report.ReportService;
import org.storeline.core.returns.CancellationService;
import org.storeline.core.returns.ReturnService;
import org.storeline.core.returns.ReturnWriter;
import org.storeline.core.sale.InStoreSaleService;
import org.storeline.core.sale.SaleService;
import org.storeline.core.salehistory.SaleHistory;
import org.storeline.core.session.SessionPolicy;
import org.storeline.core.session.SignInService;
import org.storeline.core.settings.SettingsService;
import org.storeline.core.statussync.ChannelStatusSync;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.stock.StockService;
import org.storeline.core.sync.StatusChanges;
import org.storeline.core.sync.StatusReader;
import org.storeline.core.sync.StockReports;
import org.storeline.core.sync.SyncOutbox;
import org.storeline.core.sync.SyncRetention;
import org.storeline.core.sync.SyncSender;
import org.storeline.core.sync.SyncingStockLedger;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.UserService;
import org.storeline.db.catalog.JooqProductRepository;
import org.storeline.db.channel.JooqActivityLog;
import org.storeline.db.channel.JooqChannelRepository;
import org.storeline.db.channel.JooqWebhookInbox;
import org.storeline.db.crypto.SecretBox;
import org.storeline.db.customer.JooqCustomerRepository;
import org.storeline.db.email.JooqCustomerEmailRepository;
import org.storeline.db.email.JooqEmailSettingsRepository;
import org.storeline.db.event.JooqDomainEvents;
import org.storeline.db.event.PostgresOutboxSignal;
import org.storeline.db.fulfillment.JooqFulfillmentRepository;
import org.storeline.db.notification.JooqNotificationRepository;
import org.storeline.db.orderimport.JooqOrderImportRepository;
import org.storeline.db.outlet.JooqOutletRepository;
import org.storeline.db.payment.JooqPaymentTypeRepository;
import org.storeline.db.postgres.Database;
import org.storeline.db.postgres.JooqTransactions;
import org.storeline.db.refund.JooqRefundRepository;
import org.storeline.db.register.JooqRegisterRepository;
import org.storeline.db.report.JooqReportQueries;
import org.storeline.db.sale.JooqSaleRepository;
import org.storeline.db.session.JooqSessionRepository;
import org.storeline.db.session.JooqSignInFailures;
import org.storeline.db.settings.JooqSettingsRepository;
import org.storeline.db.statussync.JooqStatusSyncRepository;
import org.storeline.db.stock.JooqStockLedger;
import org.storeline.db.sync.JooqChannelListings;
import org.storeline.db.sync.JooqChannelSenders;
import org.storeline.db.sync.JooqSetBacks;
import org.storeline.db.sync.JooqStatusOutbox;
import org.storeline.db.sync.JooqSyncOutbox;
import org.storeline.db.sync.JooqSyncTasks;
import org.storeline.db.user.JooqUserRepository;
import org.storeline.documents.PdfBoxPackingSlips;
import org.storeline.server.email.SmtpMailer;
import org.storeline.server.refund.HttpPaymentProcessor;
import org.storeline.server.sync.DeliveryProcessor;
import org.storeline.server.sync.HttpPlatformGateway;
import org.storeline.server.sync.InboxWorker;
import org.storeline.server.sync.PlatformChannelSync;
import org.storeline.server.sync.RateLimits;
import org.storeline.server.sync.Reconciler;
import org.storeline.server.sync.SyncWorker;
import org.storeline.web.app.AdminScreens;
import org.storeline.web.app.WebApp;
import org.storeline.web.app.sale.SalePages;
import org.storeline.web.catalog.CatalogRoutes;
import org.storeline.web.channel.ChannelRoutes;
import org.storeline.web.channel.WebhookRoutes;
import org.storeline.web.customer.CustomerRoutes;
import org.storeline.web.email.EmailRoutes;
import org.storeline.web.event.EventHub;
import org.storeline.web.event.EventRoutes;
import org.storeline.web.fulfillment.FulfillmentRoutes;
import org.storeline.web.fulfillment.PackingSlipRoutes;
import org.storeline.web.http.Routes;
import org.storeline.web.notification.NotificationRoutes;
import org.storeline.web.operations.OperationsRoutes;
import org.storeline.web.report.ReportRoutes;
import org.storeline.web.sale.SaleRoutes;
import org.storeline.web.security.Argon2PasswordHasher;
import org.storeline.web.security.Authentication;
import org.storeline.web.setup.SetupRoutes;
import org.storeline.web.user.UserRoutes;

/**
 * The hand-written object graph: repositories (jOOQ), use cases (core), connectors, workers, routes.
 * No DI container: every dependency is passed by constructor, here, where it can be read top to bottom.
 */
public final class Wiring {
    private final Clock clock;
    private final Runnable wakeWorker;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Duration inboxLease;
    private final int inboxBatch;

    final JooqOutletRepository outletRepository;
    final JooqRegisterRepository registerRepository;
    final JooqProductRepository productRepository;
    final JooqSettingsRepository settingsRepository;
    final JooqStockLedger stockLedger;
    /** The ledger every use case writes stock through: each change also schedules its push to the channels. */
    final StockLedger syncedLedger;
    /** Schedules what must reach the channels, in the caller's transaction (a price change: priceChanged). */
    final SyncOutbox syncOutbox;

    final JooqSaleRepository saleRepository;
    final JooqPaymentTypeRepository paymentTypeRepository;
    final JooqCustomerRepository customerRepository;
    final JooqChannelRepository channelRepository;
    final JooqWebhookInbox inbox;
    final JooqActivityLog activity;
    final JooqFulfillmentRepository fulfillmentRepository;
    final JooqCustomerEmailRepository customerEmailRepository;
    final Transactions tx;

    private final OutletService outlets;
    private final RegisterService registers;
    private final PaymentTypeService paymentTypes;
    private final CatalogService catalog;
    private final StockService stock;
    private final CustomerService customers;
    private final UserService users;
    private final SignInService signIn;
    private final FulfillmentBoard fulfillmentBoard;
    private final FulfillmentDetails fulfillmentDetails;
    private final SettingsService settings;
    private final InStoreSaleService inStoreSales;
    private final SaleService sales;
    private final Connectors connectors;
    private final ChannelService channels;
    private WebhookRoutes webhookRoutes;
    private final OrderImportService orderImport;
    private final FulfillmentService fulfillments;
    private final PackingSlipService packingSlips;
    private final FulfillmentWorkflow fulfillmentWorkflow;
    private final ScannerService scanner;
    private final ReturnService returns;
    private final CancellationService cancellations;
    private final RefundSender refundSender;
    private final JooqDomainEvents domainEvents;
    private final NotificationService notifications;
    private final PlatformChannelSync sync;
    private final DeliveryProcessor deliveryProcessor;
    private final FulfillmentEmailReader emailReader;
    private final CustomerEmailSender emailSender;
    private final CustomerEmailService customerEmails;
    private final LiveEvents liveEvents;
    private final EventHub eventHub;
    private final JooqSyncTasks syncTasks;
    private final SyncRetention syncRetention;
    private final RateLimits rateLimits = new RateLimits();
    private final SyncSender syncSender;
    private final Duration syncHold;
    private final StatusReader statusReader;
    private final Database database;
    final ReportService reports;

    Wiring(Database database, StorelineConfig config, Clock clock, Runnable wakeWorker, Supplier<URI> publicUrl) {
        this.clock = clock;
        this.wakeWorker = wakeWorker;
        this.inboxLease = config.inboxLease();
        this.inboxBatch = config.inboxBatch();
        this.database = database;
        DSLContext dsl = database.dsl();
        tx = new JooqTransactions(dsl);
        outletRepository = new JooqOutletRepository(dsl);
        registerRepository = new JooqRegisterRepository(dsl);
        productRepository = new JooqProductRepository(dsl);
        settingsRepository = new JooqSettingsRepository(dsl);
        stockLedger = new JooqStockLedger(dsl);
        syncOutbox = new JooqSyncOutbox(dsl, clock);
        syncedLedger = new SyncingStockLedger(stockLedger, syncOutbox);
        saleRepository = new JooqSaleRepository(dsl);
        SecretBox secrets =
                new SecretBox(config.secretKey(), config.oldSecretKeys().toArray(byte[][]::new));
        paymentTypeRepository = new JooqPaymentTypeRepository(dsl, secrets);
        customerRepository = new JooqCustomerRepository(dsl);
        channelRepository = new JooqChannelRepository(dsl, secrets);
        inbox = new JooqWebhookInbox(dsl, database.receivingDsl());
        activity = new JooqActivityLog(dsl);
        fulfillmentRepository = new JooqFulfillmentRepository(dsl);
        var notificationRepository = new JooqNotificationRepository(dsl);

        outlets = new OutletService(outletRepository, tx, clock);
        registers = new RegisterService(registerRepository, outlets, settingsRepository, tx, clock);
        paymentTypes = new PaymentTypeService(paymentTypeRepository, tx, clock);
        catalog = new CatalogService(productRepository, syncOutbox, tx, clock);
        stock = new StockService(syncedLedger, catalog, outlets, tx, clock);
        customers = new CustomerService(customerRepository, tx, clock);
        var userRepository = new JooqUserRepository(dsl);
        var passwordHasher = new Argon2PasswordHasher();
        users = new UserService(userRepository, outletRepository, passwordHasher, tx, clock);
        signIn = new SignInService(
                userRepository,
                new JooqSessionRepository(dsl),
                new JooqSignInFailures(dsl),
                passwordHasher,
                tx,
                clock,
                SessionPolicy.STANDARD);
        settings = new SettingsService(settingsRepository, tx);
        inStoreSales = new InStoreSaleService(
                saleRepository,
                productRepository,
                registerRepository,
                outletRepository,
                paymentTypes,
                customers,
                syncedLedger,
                settingsRepository,
                tx,
                clock);
        domainEvents = new JooqDomainEvents(dsl);
        sales = new SaleService(
                saleRepository,
                registerRepository,
                paymentTypes,
                outlets,
                fulfillmentRepository,
                domainEvents,
                tx,
                clock);
        var refundRepository = new JooqRefundRepository(dsl);
        var settlement = new RefundSettlement(registerRepository, paymentTypeRepository, domainEvents);
        // A refund still pending this long after its first attempt lost its request: the recheck sends it again.
        Duration answerWithin = config.processorTimeout().plusSeconds(30);
        refundSender = new RefundSender(
                refundRepository,
                saleRepository,
                paymentTypeRepository,
                new HttpPaymentProcessor(config.processorTimeout()),
                settlement,
                tx,
                clock,
                answerWithin);
        var returnWriter = new ReturnWriter(
                saleRepository,
                registerRepository,
                outletRepository,
                paymentTypes,
                syncedLedger,
                refundRepository,
                settlement,
                answerWithin);
        returns = new ReturnService(
                saleRepository,
                fulfillmentRepository,
                fulfillmentRepository,
                outletRepository,
                refundRepository,
                returnWriter,
                settlement,
                refundSender,
                tx,
                clock);
        cancellations = new CancellationService(
                saleRepository, fulfillmentRepository, returnWriter, settlement, refundSender, domainEvents, tx, clock);
        fulfillments = new FulfillmentService(fulfillmentRepository, outlets);
        fulfillmentBoard = new FulfillmentBoard(
                fulfillments, fulfillmentRepository, sales, customers, channelRepository, userRepository, outlets);
        fulfillmentDetails =
                new FulfillmentDetails(fulfillmentBoard, fulfillmentRepository, outlets, userRepository, domainEvents);
        packingSlips = new PackingSlipService(fulfillments, sales, outlets, customers, new PdfBoxPackingSlips(), tx);
        fulfillmentWorkflow = new FulfillmentWorkflow(fulfillmentRepository, saleRepository, domainEvents, tx, clock);
        scanner = new ScannerService(
                fulfillmentRepository, saleRepository, productRepository, userRepository, domainEvents, tx, clock);
        var emailSettings = new JooqEmailSettingsRepository(dsl, secrets);
        customerEmailRepository = new JooqCustomerEmailRepository(dsl);
        emailReader = new FulfillmentEmailReader(
                domainEvents,
                customerEmailRepository,
                emailSettings,
                fulfillmentRepository,
                saleRepository,
                customerRepository,
                outletRepository,
                tx,
                clock);
        // A claimed email whose sender died is due again after this: longer than one SMTP attempt can take.
        Duration emailLease = SmtpMailer.DEFAULT_TIMEOUT.multipliedBy(4);
        emailSender = new CustomerEmailSender(
                customerEmailRepository,
                emailSettings,
                new SmtpMailer(SmtpMailer.DEFAULT_TIMEOUT),
                tx,
                clock,
                RetryPolicy.startingAfter(config.emailRetryAfter()),
                emailLease);
        customerEmails =
                new CustomerEmailService(emailSettings, customerEmailRepository, sales, customerRepository, tx, clock);
        notifications = new NotificationService(notificationRepository, tx, clock);
        liveEvents = new LiveEvents(
                domainEvents,
                fulfillmentRepository,
                saleRepository,
                customerRepository,
                notificationRepository,
                tx,
                clock);
        // Started with the server (Storeline), so that a Wiring built for a test drives nothing by itself.
        eventHub = new EventHub(
                liveEvents, new PostgresOutboxSignal(database::openDedicatedConnection), EventHub.MAX_STREAMS);
        // Closure reports come from the register service; the report only picks the periods in its range.
        reports = new ReportService(new JooqReportQueries(dsl), registers::closedBetween, outlets, tx);

        PlatformHttp http = PlatformHttp.standard();
        // The sync outbox retries by itself: its calls make one attempt each, and wait syncTimeout for an answer.
        PlatformHttp syncHttp = PlatformHttp.singleAttempt(config.syncTimeout());
        connectors = new Connectors(List.of(
                new ShopifyConnector(http),
                new WooCommerceConnector(http, syncHttp),
                new BigCommerceConnector(http),
                new EcwidConnector(http),
                new LightspeedConnector(http)));
        JooqChannelListings listings = new JooqChannelListings(dsl);
        channels =
                new ChannelService(channelRepository, connectors, outlets, registers, syncOutbox, listings, tx, clock);
        var statusSyncRepository = new JooqStatusSyncRepository(dsl);
        orderImport = new OrderImportService(
                new JooqOrderImportRepository(dsl, productRepository, paymentTypeRepository),
                productRepository,
                syncedLedger,
                new CustomerResolver(customerRepository),
                outletRepository,
                registerRepository,
                saleRepository,
                fulfillmentRepository,
                notificationRepository,
                activity,
                statusSyncRepository,
                domainEvents,
                tx,
                clock);
        var statusSync = new ChannelStatusSync(
                statusSyncRepository,
                saleRepository,
                fulfillmentRepository,
                fulfillmentWorkflow,
                registerRepository,
                paymentTypeRepository,
                cancellations,
                activity,
                domainEvents,
                tx,
                clock);
        syncTasks = new JooqSyncTasks(dsl);
        syncRetention = new SyncRetention(syncTasks, tx, clock, config.syncRetention());
        sync = new PlatformChannelSync(
                connectors,
                channelRepository,
                orderImport,
                statusSync,
                activity,
                inbox,
                wakeWorker,
                publicUrl,
                syncTasks,
                rateLimits,
                clock);
        // A claim outlasts a few calls; a worker that died holding one leaves it to another after this.
        Duration syncLease = config.syncTimeout().multipliedBy(6);
        // A channel's sender lease outlasts a round's claim by a call's answer, renewed before each round.
        syncHold = syncLease.plus(config.syncTimeout());
        HttpPlatformGateway gateway = new HttpPlatformGateway(connectors, rateLimits, config.syncTimeout());
        syncSender = new SyncSender(
                syncTasks,
                channelRepository,
                listings,
                productRepository,
                stockLedger,
                settingsRepository,
                activity,
                gateway,
                tx,
                clock,
                syncLease,
                config.syncTimeout());
        statusReader = new StatusReader(
                domainEvents,
                new JooqStatusOutbox(dsl),
                new StatusChanges(saleRepository, fulfillmentRepository, refundRepository),
                channelRepository,
                tx,
                clock);
        StockReports stockReports = new StockReports(
                listings, stockLedger, syncOutbox, new JooqSetBacks(dsl), gateway, inbox, activity, tx, clock);
        deliveryProcessor = new DeliveryProcessor(
                connectors, channelRepository, inbox, orderImport, statusSync, stockReports, activity, tx, clock);
    }

    InboxWorker inboxWorker() {
        return new InboxWorker(inbox, deliveryProcessor, clock, inboxBatch, inboxLease);
    }

    /** The sync outbox's worker for this process (not started), woken by the outbox's and the sync tasks' NOTIFY. */
    SyncWorker syncWorker() {
        return new SyncWorker(
                syncTasks,
                new JooqChannelSenders(database.dsl()),
                syncHold,
                syncSender,
                statusReader,
                rateLimits,
                new PostgresOutboxSignal(
                        database::openDedicatedConnection, List.of(JooqSyncOutbox.CHANNEL, JooqDomainEvents.CHANNEL)),
                clock);
    }

    Reconciler reconciler() {
        return new Reconciler(channelRepository, sync, connectors, activity, clock);
    }

    Authentication authentication() {
        return new Authentication(users);
    }

    /** Startup is complete: health answers 200 from now on. */
    void markStarted() {
        started.set(true);
    }

    /** The platforms' webhook route, one per server: it caches channels, forgotten when one changes. */
    private synchronized WebhookRoutes webhookRoutes() {
        if (webhookRoutes == null) {
            webhookRoutes = new WebhookRoutes(channelRepository, connectors, inbox, activity, wakeWorker, clock);
        }
        return webhookRoutes;
    }

    List<Routes> routes(Database database, PrometheusMeterRegistry metrics) {
        WebhookRoutes webhooks = webhookRoutes();
        return List.of(
                new OperationsRoutes(started::get, database::isHealthy, metrics),
                new SetupRoutes(outlets, registers, paymentTypes, settings),
                new CatalogRoutes(catalog, stock),
                new CustomerRoutes(customers),
                new UserRoutes(users),
                new SaleRoutes(
                        inStoreSales, sales, returns, cancellations, customers, fulfillmentRepository::idsBySale, tx),
                new ChannelRoutes(channels, sync, channelMonitor(), clock, webhooks::forget),
                webhooks,
                new FulfillmentRoutes(fulfillments, fulfillmentWorkflow, scanner, sales, customers),
                new PackingSlipRoutes(packingSlips),
                new NotificationRoutes(notifications),
                new EventRoutes(eventHub, liveEvents, authentication()),
                new ReportRoutes(reports),
                new EmailRoutes(customerEmails));
    }

    /** A channel's activity, retries and health (BYD-4), for the API and the web app. */
    ChannelMonitor channelMonitor() {
        return new ChannelMonitor(channels, sync, activity, inbox, clock);
    }

    /** The staff web app, on the same core services as the API's routes. */
    WebApp webApp() {
        return new WebApp(
                signIn,
                users,
                fulfillmentBoard,
                fulfillmentWorkflow,
                fulfillmentDetails,
                scanner,
                packingSlips,
                outlets,
                notifications,
                new EventRoutes(eventHub, liveEvents, authentication()),
                new WebApp.BackOffice(registers, settings, catalog, stock, customers, sales),
                new AdminScreens(channels, channelMonitor(), sync, registers, webhookRoutes()::forget, reports, users),
                new SalePages.Services(
                        new SaleHistory(
                                sales,
                                saleRepository,
                                fulfillmentRepository,
                                returns,
                                customers,
                                channelRepository,
                                outlets,
                                registers,
                                paymentTypes,
                                tx),
                        sales,
                        returns,
                        cancellations,
                        outlets),
                clock);
    }

    public UserService users() {
        return users;
    }

    public PlatformChannelSync sync() {
        return sync;
    }

    public DeliveryProcessor deliveryProcessor() {
        return deliveryProcessor;
    }

    public OrderImportService orderImport() {
        return orderImport;
    }

    public RegisterService registers() {
        return registers;
    }

    public OutletService outlets() {
        return outlets;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public StockService stock() {
        return stock;
    }

    public PaymentTypeService paymentTypes() {
        return paymentTypes;
    }

    public SettingsService settings() {
        return settings;
    }

    public JooqWebhookInbox inbox() {
        return inbox;
    }

    public ChannelService channels() {
        return channels;
    }

    /** Sends refunds and rechecks the unknown ones (the cluster job calls it; tests may too). */
    public RefundSender refundSender() {
        return refundSender;
    }

    /**
     * Customer emails (the cluster job calls it; tests may too): writes the emails of the outbox's new events, then
     * sends those due. Sending goes on even when reading failed.
     */
    public void sendCustomerEmails() {
        try {
            emailReader.readNew();
        } finally {
            emailSender.sendDue();
        }
    }

    /** Deletes the sync tasks done longer ago than their retention (the cluster job calls it; tests may too). */
    public SyncRetention syncRetention() {
        return syncRetention;
    }

    /** What the event streams carry, read from the outbox (for tests that measure it). */
    public LiveEvents liveEvents() {
        return liveEvents;
    }

    /** The one reader of the outbox for this process's event streams (GET /api/v1/events). */
    public EventHub eventHub() {
        return eventHub;
    }

    /** The outbox of domain events, for whatever reads them. */
    public DomainEvents domainEvents() {
        return domainEvents;
    }
}
