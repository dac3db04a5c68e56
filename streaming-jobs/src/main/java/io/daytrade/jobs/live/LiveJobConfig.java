package io.daytrade.jobs.live;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live job's configuration, read from YAML ({@code conf/job.yaml} documents every key). Field
 * initialisers are the defaults; a key the file does not set keeps its default.
 */
public final class LiveJobConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public Kafka kafka = new Kafka();
    public Topics topics = new Topics();
    public Bars bars = new Bars();
    public String indicators = "sma(10),sma(50),rsi(14),macd(12,26,9),bbands(20,2),atr(14)";
    /** Path of the signal rule file; relative paths are relative to the configuration file. */
    public String rules;
    public Checkpoints checkpoints = new Checkpoints();
    public Restart restart = new Restart();
    public State state = new State();
    /** Subtasks per operator; 0 keeps the cluster's default. */
    public int parallelism = 0;
    /** Upper bound for rescaling; fixed once a savepoint exists. */
    @JsonProperty("max-parallelism")
    public int maxParallelism = 128;
    @JsonProperty("cross-asset")
    public CrossAsset crossAsset = new CrossAsset();

    /** The topics the job reads and writes: the cross-asset topic only when cross-asset output is on. */
    public List<String> topicsUsed() {
        List<String> used = new java.util.ArrayList<>(topics.all());
        if (crossAsset.enabled()) {
            used.add(topics.crossAsset);
        }
        return used;
    }

    public static final class Kafka implements Serializable {
        private static final long serialVersionUID = 1L;
        @JsonProperty("bootstrap-servers")
        public String bootstrapServers = "127.0.0.1:9092";
        @JsonProperty("group-id")
        public String groupId = "daytrade-live";
        /** earliest, latest, or committed (the group's committed offsets, else earliest). */
        @JsonProperty("starting-offsets")
        public String startingOffsets = "committed";
        /** Read up to the offsets at start, then finish: a bounded replay of a topic. */
        @JsonProperty("stop-at-latest")
        public boolean stopAtLatest = false;
        @JsonProperty("transactional-id-prefix")
        public String transactionalIdPrefix = "daytrade-live";
        /** Must exceed the checkpoint interval plus a restart, and not exceed the broker's transaction.max.timeout.ms. */
        @JsonProperty("transaction-timeout")
        public String transactionTimeout = "15min";
        /** Passed to every Kafka client: security.protocol, sasl.*, ssl.*, ... Values may be ${env:NAME} or ${file:PATH}. */
        public Map<String, String> properties = new LinkedHashMap<>();
    }

    public static final class Topics implements Serializable {
        private static final long serialVersionUID = 1L;
        public String ticks = "ticks";
        public String bars = "bars";
        public String indicators = "indicators";
        public String signals = "signals";
        @JsonProperty("dead-letters")
        public String deadLetters = "dead-letters";
        @JsonProperty("cross-asset")
        public String crossAsset = "cross-asset";

        public List<String> all() {
            return List.of(ticks, bars, indicators, signals, deadLetters);
        }
    }

    public static final class Bars implements Serializable {
        private static final long serialVersionUID = 1L;
        public List<String> intervals = List.of("1m");
        /** How far behind the newest tick of its partition a tick may arrive and still count. */
        @JsonProperty("allowed-disorder")
        public String allowedDisorder = "5s";
        /** A partition without ticks for this long stops holding back the watermark. */
        @JsonProperty("idle-timeout")
        public String idleTimeout = "10s";
    }

    public static final class Checkpoints implements Serializable {
        private static final long serialVersionUID = 1L;
        public String interval = "10s";
        public String timeout = "2min";
        /** Where RocksDB's incremental checkpoints go; a file:// or object-store URI. */
        public String dir = "file:///tmp/daytrade/checkpoints";
    }

    public static final class Restart implements Serializable {
        private static final long serialVersionUID = 1L;
        public int attempts = 10;
        public String delay = "5s";
    }

    public static final class CrossAsset implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The symbol set whose bar returns are related; empty turns cross-asset output off. */
        public List<String> symbols = List.of();
        /** Returns per window. */
        public int window = 60;
        /** A symbol of the set to report beta and correlation against; none if null. */
        public String benchmark;
        /** Symbols of the set the others' returns are regressed on. */
        public List<String> factors = List.of();

        public boolean enabled() {
            return !symbols.isEmpty();
        }
    }

    public static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        /**
         * A symbol without bars for this long (event time) gives up its indicator and rule state, within
         * one more timeout; it starts cold if it trades again. 0 keeps state forever.
         */
        @JsonProperty("idle-symbol-timeout")
        public String idleSymbolTimeout = "7d";
        /**
         * Keys (symbol, or symbol and interval) whose bar, indicator and rule state each keyed subtask holds
         * as objects between checkpoints with RocksDB, written to RocksDB as each checkpoint is taken;
         * beyond it the cache is written out and emptied. 0 reads and writes RocksDB on every bar.
         */
        @JsonProperty("cached-keys")
        public int cachedKeys = 1024;
    }
}
