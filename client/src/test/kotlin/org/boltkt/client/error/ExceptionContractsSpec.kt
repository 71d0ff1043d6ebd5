package org.boltkt.client.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/** Retryability and family of the driver-side exceptions, which the retry loop and user code rely on. */
class ExceptionContractsSpec : FunSpec({
    val expected: List<Triple<BoltException, Boolean, Boolean>> = listOf(
        // exception, retryable, is a ClientException
        Triple(ServiceUnavailableException("x", "h:1"), true, false),
        Triple(IncompleteCommitException("x"), false, false),
        Triple(SessionExpiredException("x"), true, false),
        Triple(ProtocolException("x"), false, false),
        Triple(ConfigurationException("x"), false, false),
        Triple(ConnectionAcquisitionTimeoutException("x"), false, false),
        Triple(TransactionClosedException("x"), false, true),
        Triple(ResultConsumedException("x"), false, true),
        Triple(ResultNotSingleException("x", ResultNotSingleException.Reason.NO_RECORDS), false, true),
        Triple(UnsupportedFeatureException("x"), false, true),
        Triple(ResultMappingException("c", "STRING", "p", "kotlin.Long", "fix"), false, true),
        Triple(GqlCauseException("x", "50N00", "d"), false, false),
        Triple(DriverDefectException("x", IllegalStateException("bug")), false, false),
    )
    expected.forEach { (e, retryable, client) ->
        test("${e::class.simpleName}: retryable=$retryable, client family=$client, no server code") {
            e.isRetryable shouldBe retryable
            (e is ClientException) shouldBe client
            e.code shouldBe null
            if (e is ClientException) {
                e.isSecurityError shouldBe false
                e.markHandledByAuthManager() shouldBe false
                e.isRetryable shouldBe false
            }
        }
    }

    test("IncompleteCommitException is a ServiceUnavailableException that is never retryable") {
        val e: ServiceUnavailableException = IncompleteCommitException("lost", "h:1")
        e.isRetryable shouldBe false
        e.serverAddress shouldBe "h:1"
    }

    test("ResultNotSingleException tells no-records from too-many") {
        ResultNotSingleException("none", ResultNotSingleException.Reason.NO_RECORDS).reason shouldBe
            ResultNotSingleException.Reason.NO_RECORDS
        ResultNotSingleException("many", ResultNotSingleException.Reason.TOO_MANY_RECORDS).reason shouldBe
            ResultNotSingleException.Reason.TOO_MANY_RECORDS
    }
})
