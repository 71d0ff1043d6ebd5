package org.boltkt.testkit

/** Routes a request to the handler for its name. */
object Handlers {
    suspend fun handle(b: Backend, r: Request) {
        val d = r.data
        when (r.name) {
            "StartTest" -> Features.startTest(b, d.str("testName"))
            "StartSubTest" -> Features.startSubTest(b, d.str("testName"), d.objOrNull("subtestArguments"))
            "GetFeatures" -> b.send("FeatureList", obj("features" to Features.FEATURES.toList()))

            "NewDriver" -> DriverHandlers.newDriver(b, d)
            "VerifyConnectivity" -> DriverHandlers.verifyConnectivity(b, d)
            "GetServerInfo" -> DriverHandlers.serverInfo(b, d)
            "CheckMultiDBSupport" -> DriverHandlers.multiDb(b, d)
            "CheckSessionAuthSupport" -> DriverHandlers.sessionAuth(b, d)
            "VerifyAuthentication" -> DriverHandlers.verifyAuthentication(b, d)
            "CheckDriverIsEncrypted" -> DriverHandlers.isEncrypted(b, d)
            "ExecuteQuery" -> DriverHandlers.executeQuery(b, d)
            "GetConnectionPoolMetrics" -> DriverHandlers.poolMetrics(b, d)
            "DriverClose" -> DriverHandlers.close(b, d)

            "NewBookmarkManager" -> CallbackObjects.newBookmarkManager(b, d)
            "BookmarkManagerClose" -> CallbackObjects.closeBookmarkManager(b, d)
            "NewAuthTokenManager" -> CallbackObjects.newAuthTokenManager(b)
            "NewBasicAuthTokenManager" -> CallbackObjects.newBasicAuthTokenManager(b)
            "NewBearerAuthTokenManager" -> CallbackObjects.newBearerAuthTokenManager(b)
            "AuthTokenManagerClose" -> CallbackObjects.closeAuthTokenManager(b, d)

            "NewSession" -> SessionHandlers.newSession(b, d)
            "SessionClose" -> SessionHandlers.close(b, d)
            "SessionRun" -> SessionHandlers.run(b, d)
            "SessionBeginTransaction" -> SessionHandlers.begin(b, d)
            "SessionReadTransaction" -> SessionHandlers.managed(b, d, write = false)
            "SessionWriteTransaction" -> SessionHandlers.managed(b, d, write = true)
            "SessionLastBookmarks" -> SessionHandlers.lastBookmarks(b, d)
            "TransactionRun" -> SessionHandlers.txRun(b, d)
            "TransactionCommit" -> SessionHandlers.txCommit(b, d)
            "TransactionRollback" -> SessionHandlers.txRollback(b, d)
            "TransactionClose" -> SessionHandlers.txClose(b, d)

            "ResultNext" -> ResultHandlers.next(b, d)
            "ResultPeek" -> ResultHandlers.peek(b, d)
            "ResultSingle" -> ResultHandlers.single(b, d)
            "ResultList" -> ResultHandlers.list(b, d)
            "ResultConsume" -> ResultHandlers.consume(b, d)

            "GetRoutingTable" -> RoutingHandlers.getRoutingTable(b, d)
            "ForcedRoutingTableUpdate" -> RoutingHandlers.forcedUpdate(b, d)
            "NewClientCertificateProvider" -> ClientCertificates.newProvider(b)
            "ClientCertificateProviderClose" -> ClientCertificates.closeProvider(b, d)
            "FakeTimeInstall" -> { b.fakeTime.install(); b.send("FakeTimeAck", obj()) }
            "FakeTimeTick" -> { b.fakeTime.tick(d.longOrNull("incrementMs") ?: throw BadRequestException("FakeTimeTick without incrementMs")); b.send("FakeTimeAck", obj()) }
            "FakeTimeUninstall" -> { b.fakeTime.uninstall(); b.send("FakeTimeAck", obj()) }
            else -> throw UnsupportedRequestException("unknown request")
        }
    }
}
