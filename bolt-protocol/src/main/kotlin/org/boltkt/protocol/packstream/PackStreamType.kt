package org.boltkt.protocol.packstream

/** The core PackStream type a marker byte announces, as reported by [PackStreamReader.peekType]. */
public enum class PackStreamType { NULL, BOOLEAN, INTEGER, FLOAT, BYTES, STRING, LIST, MAP, STRUCT }
