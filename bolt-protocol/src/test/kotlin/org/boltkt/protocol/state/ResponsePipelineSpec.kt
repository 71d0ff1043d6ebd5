package org.boltkt.protocol.state

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.RequestKind

class ResponsePipelineSpec : FunSpec({
    // A stand-in for the client's message types: the pipeline must work with any response type.
    data class Msg(val kind: String, val value: Int = 0)

    class Recorder(private val name: String, private val log: MutableList<String>) : ResponseHandler<Msg> {
        override fun onRecord(record: Msg) { log += "$name:record ${record.value}" }
        override fun onSummary(summary: Msg) { log += "$name:${summary.kind}" }
        override fun onAbandoned(cause: Throwable) { log += "$name:abandoned ${cause.message}" }
    }

    fun pipeline() = ResponsePipeline<Msg> { it.kind == "RECORD" }

    test("pipelined RUN and PULL: records go to the head without dequeuing, summaries dequeue in order") {
        val log = mutableListOf<String>()
        val p = pipeline()
        p.enqueue(Recorder("run", log))
        p.enqueue(Recorder("pull", log))
        p.size shouldBe 2
        p.dispatch(Msg("SUCCESS"))
        p.size shouldBe 1
        p.dispatch(Msg("RECORD", 1))
        p.dispatch(Msg("RECORD", 2))
        p.size shouldBe 1
        p.dispatch(Msg("SUCCESS"))
        p.isEmpty() shouldBe true
        log shouldBe listOf("run:SUCCESS", "pull:record 1", "pull:record 2", "pull:SUCCESS")
    }

    test("failure then IGNORED complete their handlers in order") {
        val log = mutableListOf<String>()
        val p = pipeline()
        p.enqueue(Recorder("run", log)); p.enqueue(Recorder("pull", log))
        p.dispatch(Msg("FAILURE")); p.dispatch(Msg("IGNORED"))
        log shouldBe listOf("run:FAILURE", "pull:IGNORED")
    }

    test("a response with no pending handler is a protocol error") {
        shouldThrow<BoltProtocolException> { pipeline().dispatch(Msg("SUCCESS")) }.reason shouldContain "no request pending"
        val p = pipeline()
        p.enqueue(Recorder("a", mutableListOf()))
        p.dispatch(Msg("SUCCESS"))
        shouldThrow<BoltProtocolException> { p.dispatch(Msg("RECORD")) }
    }

    test("a handler may enqueue a follow-up from its summary callback") {
        val log = mutableListOf<String>()
        val p = pipeline()
        p.enqueue(object : ResponseHandler<Msg> {
            override fun onRecord(record: Msg) = Unit
            override fun onSummary(summary: Msg) { p.enqueue(Recorder("next", log)) }
        })
        p.dispatch(Msg("SUCCESS"))
        p.size shouldBe 1
        p.dispatch(Msg("SUCCESS"))
        log shouldBe listOf("next:SUCCESS")
    }

    test("abandonAll tells every waiting handler, oldest first, even if one throws") {
        val log = mutableListOf<String>()
        val p = pipeline()
        p.enqueue(Recorder("a", log))
        p.enqueue(object : ResponseHandler<Msg> {
            override fun onRecord(record: Msg) = Unit
            override fun onSummary(summary: Msg) = Unit
            override fun onAbandoned(cause: Throwable) = error("handler bug")
        })
        p.enqueue(Recorder("c", log))
        shouldThrow<IllegalStateException> { p.abandonAll(RuntimeException("closed")) }.message shouldBe "handler bug"
        log shouldBe listOf("a:abandoned closed", "c:abandoned closed")
        p.isEmpty() shouldBe true
    }

    test("driven together with the state machine for a pipelined RUN + PULL") {
        val m = ConnectionStateMachine(org.boltkt.protocol.version.BoltVersion.V5_8, ServerState.Ready)
        val log = mutableListOf<String>()
        val p = pipeline()
        fun send(kind: RequestKind, h: ResponseHandler<Msg>) { m.beforeSend(kind, exhaustsResult = true); p.enqueue(h) }
        fun receive(msg: Msg, outcome: ResponseOutcome) { m.onResponse(outcome); p.dispatch(msg) }
        send(RequestKind.RUN, Recorder("run", log))
        send(RequestKind.PULL, Recorder("pull", log))
        receive(Msg("SUCCESS"), ResponseOutcome.Success())
        receive(Msg("RECORD", 7), ResponseOutcome.Record)
        receive(Msg("SUCCESS"), ResponseOutcome.Success(hasMore = false))
        m.serverState shouldBe ServerState.Ready
        m.pendingCount shouldBe p.size
        log shouldBe listOf("run:SUCCESS", "pull:record 7", "pull:SUCCESS")
    }
})
