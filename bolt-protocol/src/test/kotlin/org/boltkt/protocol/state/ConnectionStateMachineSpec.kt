package org.boltkt.protocol.state

import io.kotest.assertions.throwables.shouldNotThrowAny
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.RequestKind.BEGIN
import org.boltkt.protocol.message.RequestKind.COMMIT
import org.boltkt.protocol.message.RequestKind.DISCARD
import org.boltkt.protocol.message.RequestKind.GOODBYE
import org.boltkt.protocol.message.RequestKind.HELLO
import org.boltkt.protocol.message.RequestKind.LOGOFF
import org.boltkt.protocol.message.RequestKind.LOGON
import org.boltkt.protocol.message.RequestKind.PULL
import org.boltkt.protocol.message.RequestKind.RESET
import org.boltkt.protocol.message.RequestKind.ROLLBACK
import org.boltkt.protocol.message.RequestKind.ROUTE
import org.boltkt.protocol.message.RequestKind.RUN
import org.boltkt.protocol.message.RequestKind.TELEMETRY
import org.boltkt.protocol.state.ResponseOutcome.Failure
import org.boltkt.protocol.state.ResponseOutcome.Ignored
import org.boltkt.protocol.state.ResponseOutcome.Record
import org.boltkt.protocol.state.ResponseOutcome.Success
import org.boltkt.protocol.state.ServerState.Authentication
import org.boltkt.protocol.state.ServerState.Defunct
import org.boltkt.protocol.state.ServerState.Failed
import org.boltkt.protocol.state.ServerState.Interrupted
import org.boltkt.protocol.state.ServerState.Negotiation
import org.boltkt.protocol.state.ServerState.Ready
import org.boltkt.protocol.state.ServerState.Streaming
import org.boltkt.protocol.state.ServerState.TxReady
import org.boltkt.protocol.state.ServerState.TxStreaming
import org.boltkt.protocol.version.BoltVersion

class ConnectionStateMachineSpec : FunSpec({
    val v58 = BoltVersion.V5_8

    fun ConnectionStateMachine.send(vararg kinds: RequestKind) = kinds.forEach { beforeSend(it) }
    fun ConnectionStateMachine.receive(vararg outcomes: ResponseOutcome) = outcomes.forEach { onResponse(it) }
    fun ConnectionStateMachine.shouldBeIn(state: ServerState) {
        serverState shouldBe state
        expectedState shouldBe state
        pendingCount shouldBe 0
    }

    // The specification's table for 5.4+, written out once; the loop below checks every state against every kind.
    val allowedIn58: Map<ServerState, Set<RequestKind>> = mapOf(
        Negotiation to setOf(HELLO, GOODBYE),
        Authentication to setOf(LOGON, GOODBYE),
        Ready to setOf(RUN, BEGIN, ROUTE, LOGOFF, TELEMETRY, RESET, GOODBYE),
        Streaming to setOf(PULL, DISCARD, RESET, GOODBYE),
        TxReady to setOf(RUN, COMMIT, ROLLBACK, RESET, GOODBYE),
        TxStreaming(1) to setOf(RUN, PULL, DISCARD, RESET, GOODBYE),
        TxStreaming(3) to setOf(RUN, PULL, DISCARD, RESET, GOODBYE),
        Failed to setOf(RESET, GOODBYE),
        Interrupted to setOf(RESET, GOODBYE),
        Defunct to emptySet(),
    )

    context("allowed and forbidden requests per state (Bolt 5.8)") {
        for ((state, allowed) in allowedIn58) for (kind in RequestKind.entries) {
            val ok = kind in allowed
            test("$kind in $state is ${if (ok) "allowed" else "refused"}") {
                val m = ConnectionStateMachine(v58, state)
                m.canSend(kind) shouldBe ok
                if (ok) {
                    shouldNotThrowAny { m.beforeSend(kind) }
                } else {
                    shouldThrow<BoltProtocolException> { m.beforeSend(kind) }.reason shouldContain "cannot send $kind"
                    m.shouldBeIn(state) // a refused request leaves no trace
                }
            }
        }
    }

    context("version gates") {
        data class Gate(val version: BoltVersion, val kind: RequestKind, val state: ServerState, val ok: Boolean)
        listOf(
            Gate(BoltVersion.V4_4, LOGOFF, Ready, false),
            Gate(BoltVersion.V4_4, TELEMETRY, Ready, false),
            Gate(BoltVersion.V4_4, ROUTE, Ready, true),
            Gate(BoltVersion(4, 2), ROUTE, Ready, false),
            Gate(BoltVersion(5, 3), TELEMETRY, Ready, false),
            Gate(BoltVersion(5, 4), TELEMETRY, Ready, true),
            Gate(BoltVersion(5, 0), LOGOFF, Ready, false),
            Gate(BoltVersion(5, 1), LOGOFF, Ready, true),
        ).forEach { g ->
            test("${g.kind} on Bolt ${g.version}: ${g.ok}") {
                ConnectionStateMachine(g.version, g.state).canSend(g.kind) shouldBe g.ok
                if (!g.ok) {
                    shouldThrow<BoltProtocolException> { ConnectionStateMachine(g.version, g.state).beforeSend(g.kind) }
                        .reason shouldContain "not supported by Bolt ${g.version}"
                }
            }
        }
    }

    test("5.1+: HELLO, LOGON, RUN, PULL has_more, PULL, LOGOFF, LOGON") {
        val m = ConnectionStateMachine(v58)
        m.send(HELLO); m.receive(Success()); m.shouldBeIn(Authentication)
        m.send(LOGON); m.receive(Success()); m.shouldBeIn(Ready)
        m.send(RUN); m.receive(Success()); m.shouldBeIn(Streaming)
        m.send(PULL); m.receive(Record, Record, Success(hasMore = true)); m.shouldBeIn(Streaming)
        m.send(PULL); m.receive(Record, Success(hasMore = false)); m.shouldBeIn(Ready)
        m.send(LOGOFF); m.receive(Success()); m.shouldBeIn(Authentication)
        m.send(LOGON); m.receive(Success()); m.shouldBeIn(Ready)
    }

    test("4.4: HELLO goes straight to Ready") {
        val m = ConnectionStateMachine(BoltVersion.V4_4)
        m.send(HELLO); m.receive(Success()); m.shouldBeIn(Ready)
    }

    test("pipelined BEGIN, RUN, PULL all, COMMIT") {
        val m = ConnectionStateMachine(v58, Ready)
        m.send(BEGIN, RUN)
        m.beforeSend(PULL, exhaustsResult = true)
        m.beforeSend(COMMIT)
        m.serverState shouldBe Ready
        m.expectedState shouldBe Ready
        m.pendingCount shouldBe 4
        m.receive(Success()); m.serverState shouldBe TxReady
        m.receive(Success()); m.serverState shouldBe TxStreaming(1)
        m.receive(Record, Record, Success()); m.serverState shouldBe TxReady
        m.receive(Success()); m.shouldBeIn(Ready)
    }

    test("PULL hoped to exhaust but has_more: expectation is corrected") {
        val m = ConnectionStateMachine(v58, Ready)
        m.send(RUN); m.beforeSend(PULL, exhaustsResult = true)
        m.expectedState shouldBe Ready
        m.receive(Success(), Success(hasMore = true))
        m.shouldBeIn(Streaming)
    }

    test("PULL without exhaust keeps Streaming expected, so COMMIT cannot be pipelined behind it") {
        val m = ConnectionStateMachine(v58, TxReady)
        m.send(RUN, PULL)
        m.expectedState shouldBe TxStreaming(1)
        m.canSend(COMMIT) shouldBe false
        m.receive(Success(), Success(hasMore = false))
        m.shouldBeIn(TxReady)
        m.canSend(COMMIT) shouldBe true
    }

    test("several open results in a transaction") {
        val m = ConnectionStateMachine(v58, TxReady)
        m.send(RUN, RUN); m.receive(Success(), Success()); m.shouldBeIn(TxStreaming(2))
        m.send(DISCARD); m.receive(Success()); m.shouldBeIn(TxStreaming(1))
        m.send(PULL); m.receive(Success(hasMore = true)); m.shouldBeIn(TxStreaming(1))
        m.send(PULL); m.receive(Success()); m.shouldBeIn(TxReady)
        m.send(ROLLBACK); m.receive(Success()); m.shouldBeIn(Ready)
    }

    test("FAILURE, then IGNORED until RESET, then Ready") {
        val m = ConnectionStateMachine(v58, Ready)
        m.send(RUN, PULL)
        m.receive(Failure)
        m.serverState shouldBe Failed
        m.expectedState shouldBe Failed
        m.canSend(RUN) shouldBe false
        m.receive(Ignored)
        m.shouldBeIn(Failed)
        m.send(RESET)
        m.serverState shouldBe Interrupted
        m.receive(Success())
        m.shouldBeIn(Ready)
    }

    test("RESET while streaming: earlier requests may still produce records, then IGNORED, then Ready") {
        val m = ConnectionStateMachine(v58, Ready)
        m.send(RUN, PULL, RESET)
        m.serverState shouldBe Interrupted
        m.expectedState shouldBe Ready
        m.canSend(RUN) shouldBe true // pipelined behind the RESET
        m.receive(Success(), Record, Ignored)
        m.serverState shouldBe Interrupted
        m.receive(Success())
        m.shouldBeIn(Ready)
    }

    test("two RESETs: Interrupted until the last one succeeds") {
        val m = ConnectionStateMachine(v58, Failed)
        m.send(RESET, RESET)
        m.receive(Success()); m.serverState shouldBe Interrupted
        m.receive(Success()); m.shouldBeIn(Ready)
    }

    context("defunct is terminal") {
        listOf(
            Triple("HELLO failure", Negotiation, HELLO),
            Triple("LOGON failure", Authentication, LOGON),
            Triple("RESET failure", Failed, RESET),
        ).forEach { (name, start, kind) ->
            test(name) {
                val m = ConnectionStateMachine(v58, start)
                m.send(kind); m.receive(Failure)
                m.shouldBeIn(Defunct)
                RequestKind.entries.forEach { m.canSend(it) shouldBe false }
                shouldThrow<BoltProtocolException> { m.onResponse(Success()) }
            }
        }
        test("GOODBYE") {
            val m = ConnectionStateMachine(v58, Ready)
            m.send(RUN, GOODBYE)
            m.shouldBeIn(Defunct)
        }
        test("markDefunct") {
            val m = ConnectionStateMachine(v58, Streaming)
            m.send(PULL); m.markDefunct()
            m.shouldBeIn(Defunct)
        }
    }

    context("server protocol violations make the machine Defunct") {
        data class Case(
            val name: String,
            val start: ServerState,
            val sent: List<RequestKind>,
            val before: List<ResponseOutcome>,
            val outcome: ResponseOutcome,
            val msg: String,
        )
        listOf(
            Case("response with nothing pending", Ready, emptyList(), emptyList(), Success(), "no request is pending"),
            Case("RECORD for RUN", Ready, listOf(RUN), emptyList(), Record, "RECORD for RUN"),
            Case("RECORD after the stream ended", Streaming, listOf(PULL, PULL), listOf(Success()), Record, "RECORD for PULL in state Ready"),
            Case("IGNORED when not failed", Ready, listOf(RUN), emptyList(), Ignored, "IGNORED for RUN in state Ready"),
            Case("FAILURE while Failed", Streaming, listOf(PULL, PULL), listOf(Failure), Failure, "expected IGNORED"),
        ).forEach { c ->
            test(c.name) {
                val m = ConnectionStateMachine(v58, c.start)
                c.sent.forEach { m.beforeSend(it) }
                c.before.forEach { m.onResponse(it) }
                shouldThrow<BoltProtocolException> { m.onResponse(c.outcome) }.reason shouldContain c.msg
                m.shouldBeIn(Defunct)
            }
        }
        test("SUCCESS with no transition: PULL succeeding after the state went Ready") {
            val m = ConnectionStateMachine(v58, Streaming)
            m.send(PULL, PULL)
            m.onResponse(Success(hasMore = false))
            shouldThrow<BoltProtocolException> { m.onResponse(Success()) }.reason shouldContain "impossible in state Ready"
        }
    }
})
