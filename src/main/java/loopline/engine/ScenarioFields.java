package loopline.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import loopline.engine.economics.CostMode;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;
import loopline.engine.model.AttentionShape;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.serving.DailyTraffic;
import loopline.engine.serving.KvAdmission;
import loopline.engine.training.ActivationRecompute;
import loopline.engine.training.AttentionKernel;
import loopline.engine.training.LoraTargets;
import loopline.engine.training.LossKernel;
import loopline.engine.training.TpSavedInputs;
import loopline.engine.training.Optimizer;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingMethod;
import loopline.engine.training.TrainingRun;
import loopline.engine.training.TrainingSetup;
import loopline.engine.training.TrainingStepCost;

/**
 * Every scenario field but the model, declared once, in the order a scenario is built: a field's derived
 * default may use the fields above it. The defaults are what a new user sees and what the calibration
 * tests run with: efficiencies from published runs and measurements, not tuned per case.
 */
public final class ScenarioFields {
    /** Filled by the declarations below as they initialise, in textual order (JLS 12.4.2): that order is {@link #ALL}. */
    private static final List<ScenarioField<?>> DECLARED = new ArrayList<>();

    private static final String PRICE_DEFAULT = "the GPU's catalog rental price; owned: its purchase over the years + colocation";
    private static final String PRICE_HELP = "Price of one GPU-hour; owned, before the electricity, which is billed apart";

    public static final List<Precision> TRAINING_PRECISIONS = List.of(Precision.FP32, Precision.BF16, Precision.FP16, Precision.FP8);
    public static final List<Precision> SERVING_PRECISIONS = List.of(Precision.values());
    public static final List<Precision> KV_PRECISIONS = List.of(Precision.FP32, Precision.BF16, Precision.FP16, Precision.FP8, Precision.INT8, Precision.FP4);

    public static final ScenarioField<String> NAME = text("name", "Name", "Untitled scenario", "Title shown in the window and on reports");
    public static final ScenarioField<String> DESCRIPTION = text("description", "Description", "", "One line saying what the scenario shows");

    public static final ScenarioField<Gpu> TRAINING_GPU = gpu("training.gpu", "Training GPU", null, "h100-sxm",
            "Accelerator the model is trained on");
    public static final ScenarioField<Double> TRAINING_GPU_COUNT = whole("training.gpuCount", "Training GPUs", 1, 1_000_000, 64, "GPUs",
            "GPUs in the training cluster (a multiple of TP × PP)");
    public static final ScenarioField<Precision> TRAINING_PRECISION = choice("training.precision", "Training precision",
            Precision.class, TRAINING_PRECISIONS, Precision::id, Precision.BF16, null, null,
            "Number format of the matmuls; bf16/fp16/fp8 keep an fp32 master copy of the weights");
    public static final ScenarioField<Optimizer> OPTIMIZER = choice("training.optimizer", "Optimizer", Optimizer.class,
            List.of(Optimizer.values()), Optimizer::id, Optimizer.ADAMW, null, null, "Optimizer, which sets the state kept per parameter");
    public static final ScenarioField<TrainingMethod> TRAINING_METHOD = choice("training.method", "Method", TrainingMethod.class,
            List.of(TrainingMethod.values()), TrainingMethod::id, TrainingMethod.PRETRAIN, null, null,
            "pretrain: from scratch; full: every weight of a checkpoint trains again; lora: frozen 16-bit base + adapters; "
                    + "qlora: frozen 4-bit NF4 base + adapters, paged optimizer");
    public static final ScenarioField<Double> LORA_RANK = whole("training.loraRank", "LoRA rank", 1, 4096, 16, "",
            "Rank r of each adapter: r·(d_in + d_out) trained parameters per adapted matrix");
    public static final ScenarioField<LoraTargets> LORA_TARGETS = choice("training.loraTargets", "LoRA targets", LoraTargets.class,
            List.of(LoraTargets.values()), LoraTargets::id, LoraTargets.ALL_LINEAR, null, null,
            "Linear layers that get adapters: query-value (LoRA paper), attention (q, k, v, o), all-linear (QLoRA; + MLP and experts)");
    public static final ScenarioField<Double> TRAINING_TOKENS = derivedNumber("training.tokens", "Training tokens", 1e6, 1e16,
            s -> s.training().method() == TrainingMethod.PRETRAIN
                    ? TrainingSetup.CHINCHILLA_TOKENS_PER_PARAMETER * s.model().totalParameters() : TrainingSetup.FINE_TUNE_DEFAULT_TOKENS,
            "20 × parameters (Chinchilla-optimal); 100M for a fine-tune", "tokens", "Tokens in the dataset (one epoch)");
    public static final ScenarioField<Double> EPOCHS = number("training.epochs", "Epochs", 0.01, 1000, 1, "",
            "Passes over the dataset: the run trains on tokens × epochs");
    public static final ScenarioField<Double> SEQUENCE_LENGTH = whole("training.sequenceLength", "Sequence length", 16, 1_048_576, 4096,
            "tokens", "Tokens per training sequence");
    public static final ScenarioField<Double> MICRO_BATCH = whole("training.microBatchSize", "Micro-batch", 1, 4096, 1, "sequences",
            "Sequences per GPU per forward/backward pass");
    public static final ScenarioField<ActivationRecompute> RECOMPUTE = choice("training.activationRecompute", "Activation recompute",
            ActivationRecompute.class, List.of(ActivationRecompute.values()), ActivationRecompute::id, ActivationRecompute.SELECTIVE,
            null, null, "none: keep every activation; selective: recompute the attention core (Megatron); selective-op: keep the matmuls' outputs, "
                    + "recompute norms and activations; selective-layer: recompute every second layer; full: keep only layer inputs (+1 forward)");
    public static final ScenarioField<AttentionKernel> ATTENTION = choice("training.attention", "Attention kernel", AttentionKernel.class,
            List.of(AttentionKernel.values()), AttentionKernel::id, AttentionKernel.FLASH, null, null,
            "flash: FlashAttention, never stores the s² scores (PyTorch SDPA's default); eager: stores them unless recompute recomputes them");
    public static final ScenarioField<LossKernel> LOSS = choice("training.loss", "Loss kernel", LossKernel.class,
            List.of(LossKernel.values()), LossKernel::id, LossKernel.FP32, null, null,
            "fp32: plain PyTorch, 16-bit logits, their fp32 upcast and log-softmax, then three fp32 tensors in the loss's backward "
                    + "(12 B a logit at the peak); fused: a compiled or fused "
                    + "cross-entropy (4 B); chunked: head and loss over 8 slices of the tokens, one alive at a time");
    public static final ScenarioField<Double> ALLOCATOR_FRAGMENTATION = number("training.allocatorFragmentation", "Allocator fragmentation",
            0, 0.5, TrainingMemory.DEFAULT_FRAGMENTATION, "", "Memory PyTorch's caching allocator holds beyond live tensors, as a share of them (typically 2–10%)");
    public static final ScenarioField<Double> ZERO_STAGE = whole("training.zeroStage", "ZeRO stage", 0, 3, 1, "",
            "ZeRO stage: 1 shards optimizer states, 2 + gradients, 3 (= FSDP) + weights");
    public static final ScenarioField<Double> TRAINING_TP = whole("training.tensorParallel", "Tensor parallel (training)", 1, 64, 1, "GPUs",
            "Tensor-parallel degree (with sequence parallelism)");
    public static final ScenarioField<TpSavedInputs> TP_SAVED_INPUTS = choice("training.tpSavedInputs", "TP saved inputs",
            TpSavedInputs.class, List.of(TpSavedInputs.values()), TpSavedInputs::id, null,
            s -> TpSavedInputs.defaultFor(s.training().zeroStage()), "gathered with ZeRO 3 (FSDP + DTensor), else sharded",
            "With tensor parallelism, what each layer keeps of the sequence it gathers from the TP ranks: sharded (Megatron's "
                    + "sequence parallelism, gathered again in the backward: all activations ÷ TP) or gathered (PyTorch DTensor, "
                    + "torchtitan: the attention's and the MLP's inputs kept whole on every rank)");
    public static final ScenarioField<Double> PIPELINE_PARALLEL = whole("training.pipelineParallel", "Pipeline stages", 1, 1024, 1, "stages",
            "Pipeline-parallel stages");
    public static final ScenarioField<Boolean> BALANCED_PIPELINE = bool("training.balancedPipeline", "Balanced pipeline stages", false,
            "The first and last pipeline stages hold fewer layers to make room for the embedding and the output head (Llama 3 "
                    + "took a layer from each; DeepSeek-V3's DualPipe pairs them); off, Megatron's even split of the layers leaves the "
                    + "last stage the head's work on top, and every stage waits for it");
    public static final ScenarioField<Double> CONTEXT_PARALLEL = whole("training.contextParallel", "Context parallel", 1, 64, 1, "GPUs",
            "Context-parallel degree: each sequence split over this many GPUs of a replica (ring attention, Megatron's "
                    + "--context-parallel-size, torchtitan's context_parallel_degree): activations and logits ÷ CP; the keys and values "
                    + "pass around the ring every layer, hidden behind the attention they feed where it is longer");
    public static final ScenarioField<Double> TRAINING_EP = whole("training.expertParallel", "Expert parallel (training)", 1, 1024, 1,
            "GPUs", "Expert-parallel degree: each MoE layer's experts spread over this many data-parallel ranks, tokens sent to them "
                    + "by all-to-all (at most the data-parallel ranks and the experts; dense models ignore it)");
    public static final ScenarioField<Double> VIRTUAL_STAGES = derivedWhole("training.virtualStages", "Virtual stages", 1, 128,
            s -> (double) TrainingSetup.defaultVirtualStages(s.model().layers(), s.training().pipelineParallel()),
            "layers ÷ pipeline stages (one layer per chunk); 1 without pipelining", "",
            "Interleaved 1F1B: model chunks per pipeline stage; the bubble is (p − 1) ÷ (v·m + p − 1)");
    public static final ScenarioField<Double> GLOBAL_BATCH_TOKENS = derivedNumber("training.globalBatchTokens", "Global batch", 1e3, 1e9,
            s -> TrainingSetup.defaultGlobalBatchTokens(s.model().totalParameters()),
            "4M tokens up to 100B parameters, then 4M per 100B (Llama 2: 4M; Llama 3 405B: 16M)", "tokens",
            "Tokens per optimizer step: bounds data parallelism (sequences ÷ micro-batch) and sets the micro-batches per step");
    public static final ScenarioField<Boolean> OVERLAP_COMMUNICATION = bool("training.overlapCommunication", "Overlap TP/EP communication",
            false, "Tensor-parallel all-gathers and reduce-scatters and expert-parallel all-to-alls run under compute (NeMo's "
                    + "tp_comm_overlap, torchtitan's async TP, DeepSeek-V3's DualPipe); off, each layer waits for them");
    public static final ScenarioField<Double> FP8_GEMM_SHARE = derivedNumber("training.fp8GemmShare", "fp8 GEMM share", 0, 1,
            s -> TrainingStepCost.of(s.model(), s.training()).matmulShareOfStep(),
            "the matmuls' share of the 16-bit step, from the GPU's measured kernels", "",
            "Share of a 16-bit step's time in the GEMMs fp8 speeds up; the rest (attention core, norms, activations, loss, the "
                    + "framework's own time) runs at 16-bit speed");
    public static final ScenarioField<Double> MFU = derivedNumber("training.mfu", "MFU", 0.01, 1,
            s -> TrainingStepCost.of(s.model(), s.training()).utilisation(),
            "from the GPU's measured kernels at the step's shapes", "",
            "FLOPs utilisation while the GPUs compute, against the 16-bit peak; bubble, exposed all-reduce and idle GPUs come on top");
    public static final ScenarioField<Double> GOODPUT = number("training.goodput", "Goodput", 0.01, 1, 0.92, "",
            "Share of wall-clock that trains; Llama 3 reported >90%");

    public static final ScenarioField<Gpu> SERVING_GPU = gpu("inference.gpu", "Serving GPU", s -> s.training().gpu(),
            "same as training.gpu", "Accelerator the model is served on");
    public static final ScenarioField<Precision> SERVING_PRECISION = choice("inference.precision", "Serving precision", Precision.class,
            SERVING_PRECISIONS, Precision::id, Precision.BF16, null, null,
            "Weight format; int8/int4 are weight-only and compute in 16-bit; fp4 computes in fp4 on Blackwell");
    public static final ScenarioField<Precision> KV_CACHE_PRECISION = choice("inference.kvCachePrecision", "KV cache precision",
            Precision.class, KV_PRECISIONS, Precision::id, null, s -> Precision.kvCacheDefaultFor(s.inference().precision()),
            "the weights' format; bf16 for int8/int4, fp8 for fp4",
            "Number format of the KV cache; fp4 is NVFP4 (one fp8 scale per 16 values, 0.5 + 1/16 B)");
    public static final ScenarioField<Double> SERVING_TP = whole("inference.tensorParallel", "Tensor parallel (serving)", 0, 64, 0, "GPUs",
            "GPUs per replica (tensor parallel); 0 picks the cheapest shape that meets the targets");
    public static final ScenarioField<Double> PROMPT_TOKENS = whole("inference.promptTokens", "Prompt tokens", 1, 1_048_576, 1000, "tokens",
            "Prompt tokens per request");
    public static final ScenarioField<Double> OUTPUT_TOKENS = whole("inference.outputTokens", "Output tokens", 1, 1_048_576, 250, "tokens",
            "Generated tokens per request");
    public static final ScenarioField<Double> PROMPT_TOKENS_CV = number("inference.promptTokensCv", "Prompt length spread", 0, 5, 0, "",
            "Coefficient of variation of the prompts' lengths (0: every prompt the mean, as benchmarks send them; Azure's 2023 "
                    + "traces 0.96, Mooncake 1.31): a long prompt's own prefill sets the p99 first token, and the spread lengthens the "
                    + "queue for the prefill budget");
    public static final ScenarioField<Double> OUTPUT_TOKENS_CV = number("inference.outputTokensCv", "Answer length spread", 0, 5, 0, "",
            "Coefficient of variation of the answers' lengths (0: every answer the mean; Azure 2023 conversation 0.77, coding "
                    + "2.15): long answers stay longer, so the KV cache holds more than the mean answer's share");
    public static final ScenarioField<Double> BATCH_SIZE = whole("inference.batchSize", "Batch size", 0, 65_536, 0, "sequences",
            "Concurrent requests per replica; 0 picks as many as keep every user at the speed target, memory permitting");
    public static final ScenarioField<Double> TARGET_SPEED = number("inference.targetTokensPerSecondPerUser", "Tokens/s per user",
            0.1, 10_000, 20, "tokens/s", "Speed each user must see while generating");
    public static final ScenarioField<Double> TARGET_TTFT = number("inference.targetTimeToFirstTokenSeconds", "Time to first token (p99)",
            0.01, 3600, 2, "s", "Time to first token the slowest 1% of users may see at peak (p99)");
    public static final ScenarioField<Double> REQUESTS_PER_DAY = number("inference.requestsPerDay", "Requests per day", 1, 1e13, 100_000,
            "requests/day", "Average traffic");
    public static final ScenarioField<Double> PEAK_TO_AVERAGE = number("inference.peakToAverage", "Peak to average", 1, 100, 2, "×",
            "Peak traffic over average: replicas are sized for the peak");
    public static final ScenarioField<DailyTraffic> DAILY_TRAFFIC = choice("inference.dailyTraffic", "Daily traffic", DailyTraffic.class,
            List.of(DailyTraffic.values()), DailyTraffic::id, DailyTraffic.CONVERSATION, null, null,
            "When the day's traffic comes, for a fleet that scales by the hour: conversation or coding as Azure's week-long 2024 "
                    + "LLM traces measured (UTC), stretched to the peak-to-average; flat: no quiet hours, so it never scales down");
    public static final ScenarioField<Double> ARRIVAL_CV = number("inference.arrivalCv", "Arrival burstiness", 0.1, 20, 1, "",
            "Coefficient of variation of the time between requests: 1 for users arriving independently (Poisson; Azure's 2023 "
                    + "conversation trace measured 1.03–1.09); above 1 for bursts (its coding trace: 3.6 within a minute), which "
                    + "lengthen the waits for prefill and for memory (Kingman's G/G form)");
    public static final ScenarioField<Double> BANDWIDTH_EFFICIENCY = number("inference.memoryBandwidthEfficiency", "Bandwidth vs measured",
            0.2, 1.5, 1, "×", "Override: scales the HBM bandwidth share the GPU's measured kernels reach (1 = as measured; "
                    + "below 1 for a less tuned stack than TensorRT-LLM's kernels)");
    public static final ScenarioField<Double> COMPUTE_EFFICIENCY = number("inference.computeEfficiency", "Compute vs measured", 0.2, 1.5, 1,
            "×", "Override: scales the share of peak the GPU's measured kernels reach for each matmul and attention shape "
                    + "(1 = as measured on this GPU, or on the nearest measured generation)");
    public static final ScenarioField<Double> GPU_MEMORY_UTILIZATION = number("inference.gpuMemoryUtilization", "GPU memory utilisation",
            0.1, 0.99, 0.9, "", "Share of GPU memory the engine takes for weights and KV cache (vLLM/TensorRT-LLM default 0.9)");
    public static final ScenarioField<Boolean> PAGED_KV_CACHE = bool("inference.pagedKvCache", "Paged KV cache", true,
            "Paged KV cache (vLLM): <4% waste instead of ~60%");
    public static final ScenarioField<KvAdmission> KV_ADMISSION = choice("inference.kvAdmission", "KV admission", KvAdmission.class,
            List.of(KvAdmission.values()), KvAdmission::id, KvAdmission.GROW, null, null,
            "grow: KV blocks allocated as the answer grows (vLLM, the default); reserve: the whole prompt + answer set aside "
                    + "at admission, never evicted (TensorRT-LLM GUARANTEED_NO_EVICT), so fewer requests run at once");
    public static final ScenarioField<Boolean> CONTINUOUS_BATCHING = bool("inference.continuousBatching", "Continuous batching", true,
            "Continuous batching with chunked prefill (vLLM, Orca); off: static batches wait for their longest request");
    public static final ScenarioField<Double> EXPERT_PARALLEL = whole("inference.expertParallel", "Expert parallel", 0, 1024, 0, "GPUs",
            "Expert-parallel degree for MoE serving; 0 chooses");
    public static final ScenarioField<Double> MAX_CONCURRENT_SEQUENCES = whole("inference.maxConcurrentSequences", "Max concurrent sequences",
            1, 65_536, 1024, "sequences", "Most sequences the scheduler runs at once (vLLM max_num_seqs)");
    public static final ScenarioField<Double> PREFIX_CACHE_HIT_RATE = number("inference.prefixCacheHitRate", "Prefix cache hit rate",
            0, 0.99, 0, "", "Share of prompt tokens served from the prefix cache");
    public static final ScenarioField<Boolean> SPECULATIVE = bool("inference.speculativeDecoding.enabled", "Speculative decoding", false,
            "Draft-and-verify decoding");
    public static final ScenarioField<Double> DRAFT_TOKENS = whole("inference.speculativeDecoding.draftTokens", "Draft tokens", 1, 16, 4,
            "tokens", "Tokens the draft proposes per step (k)");
    public static final ScenarioField<Double> ACCEPTANCE_RATE = number("inference.speculativeDecoding.acceptanceRate", "Acceptance rate",
            0, 0.99, 0.7, "", "Chance each draft token is accepted (α)");
    public static final ScenarioField<Double> DRAFT_COST_RATIO = number("inference.speculativeDecoding.draftCostRatio", "Draft cost ratio",
            0, 1, 0.1, "", "Cost of one draft step relative to one target step");

    public static final ScenarioField<Double> PUE = number("energy.pue", "PUE", 1, 3, 1.2, "×",
            "Power usage effectiveness: facility power ÷ IT power (cooling, power conversion). 1.2 as Epoch AI assumes for AI "
                    + "data centres; hyperscalers report 1.08–1.18 (Meta, Google, AWS, Microsoft), the industry average is 1.56 (Uptime 2024)");
    public static final ScenarioField<Double> SERVER_OVERHEAD = number("energy.serverOverhead", "Server overhead", 0, 2, 0.43, "",
            "What the rest of a server draws (CPUs, memory, NICs, fans, switches) as a share of its GPUs' power: Google measured "
                    + "host CPU and DRAM at 25% of a prompt's energy against 58% for the accelerators (arXiv 2508.15734)");
    public static final ScenarioField<Double> GRID_CARBON = number("energy.gridCarbonGramsPerKwh", "Grid carbon intensity", 0, 2000, 369,
            "g CO₂e/kWh", "Location-based carbon intensity of the grid the data centre draws from: USA 2023 average 369 (Ember via "
                    + "Our World in Data); the README's grid table lists regions (France 56, Québec 2, N. Virginia 322, India 713)");
    public static final ScenarioField<Double> ELECTRICITY_PRICE = number("energy.electricityUsdPerKwh", "Electricity price", 0, 2, 0.08,
            "$/kWh", "Price of a kWh at the data centre: US industrial average about 8¢ (EIA Electric Power Monthly, table 5.6.B, "
                    + "2024); shown beside the rented GPU-hours, which already include it");
    public static final ScenarioField<Double> GPU_POWER_VS_MODELLED = number("energy.gpuPowerVsModelled", "GPU power vs modelled", 0.3, 1.5,
            1, "×", "Override: scales the GPUs' modelled power draw (1 = a busy floor of 69% of TDP plus 52% per unit of tensor-core "
                    + "utilisation, fitted to ML.ENERGY's measurements of vLLM on H100 and B200)");

    public static final ScenarioField<Double> HORIZON_MONTHS = number("economics.horizonMonths", "Horizon", 1, 600, 24, "months",
            "How long the model serves, to amortise training over");
    public static final ScenarioField<CostMode> COST_MODE = choice("economics.costMode", "Cost mode", CostMode.class,
            List.of(CostMode.values()), CostMode::id, CostMode.RENTED, null, null,
            "rented: the catalog's $/GPU-hour, power included; owned: the purchase amortised over the years below, the "
                    + "colocation rent for the power capacity, and the electricity drawn, billed apart (GPUs without a purchase "
                    + "price in the catalog keep their rental price)");
    public static final ScenarioField<Double> AMORTISATION_YEARS = number("economics.amortisationYears", "Amortisation", 1, 15, 5, "years",
            "Years an owned GPU's purchase is spread over, straight-line: Amazon depreciates servers over 5 years, Meta 5.5, "
                    + "Microsoft, Google and CoreWeave 6 (their 2025 filings); Epoch AI's cost study assumes 3 for a chip that "
                    + "newer generations overtake");
    public static final ScenarioField<Double> NETWORK_SHARE = number("economics.networkShareOfCapex", "Network share of cluster cost",
            0, 0.6, 0.19, "", "The cluster network's share of an owned cluster's cost (switches, optics, cables), on top of "
                    + "the servers: 19% in Epoch AI's training-cost model (epoch-research/training-cost-trends, parameters.py)");
    public static final ScenarioField<Double> COLOCATION = number("economics.colocationUsdPerKwMonth", "Colocation rent", 0, 2000, 184,
            "$/kW-month", "What a data centre charges a month per kW of power capacity for the owned servers (space, cooling, "
                    + "power delivery; the electricity is billed apart): $184.06 average asking rate for 250–500 kW in North "
                    + "America's primary markets, CBRE North America Data Center Trends H2 2024");
    public static final ScenarioField<Double> TRAINING_PRICE = derivedNumber("training.pricePerGpuHourUsd", "Training price", 0.01, 1000,
            s -> priceOf(s, s.training().gpu()), PRICE_DEFAULT, "$/GPU-hour", PRICE_HELP);
    public static final ScenarioField<Double> SERVING_PRICE = derivedNumber("inference.pricePerGpuHourUsd", "Serving price", 0.01, 1000,
            s -> priceOf(s, s.inference().gpu()), PRICE_DEFAULT, "$/GPU-hour", PRICE_HELP);

    /** Every field, in build order (a derived default only looks at fields above it). */
    public static final List<ScenarioField<?>> ALL = List.copyOf(DECLARED);

    private static final Map<String, ScenarioField<?>> BY_PATH = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ScenarioField::path, f -> f));

    private ScenarioFields() {
    }

    /** A side's default $/GPU-hour: the catalog's rental price, or owning the GPU for an hour before electricity. */
    private static double priceOf(Scenario s, Gpu gpu) {
        return s.economics().pricePerGpuHourUsd(gpu, s.energy().serverOverhead());
    }

    /** The field at a dotted path, or null. */
    public static ScenarioField<?> byPath(String path) {
        return BY_PATH.get(path);
    }

    /** A scenario's one rule across fields, or null when it holds: the cluster splits evenly into TP × PP × CP groups. */
    public static String gpuCountProblem(Scenario s) {
        TrainingSetup t = s.training();
        int group = t.gpusPerReplica();
        String factors = TRAINING_TP.path() + " × " + PIPELINE_PARALLEL.path() + (t.contextParallel() > 1 ? " × " + CONTEXT_PARALLEL.path() : "");
        return t.gpuCount() % group == 0 ? null : "must be a multiple of " + factors + " = " + group + ", got " + t.gpuCount();
    }

    /**
     * Context parallelism's rule, or null when it holds: the sequence splits into 2 × CP equal chunks, each rank taking
     * one from each end so that causal attention's work is balanced (Megatron and torchtitan both require it).
     */
    public static String contextParallelProblem(Scenario s) {
        TrainingSetup t = s.training();
        int chunks = 2 * t.contextParallel();
        return t.contextParallel() == 1 || t.sequenceLength() % chunks == 0 ? null
                : "must split " + SEQUENCE_LENGTH.path() + " (" + (long) t.sequenceLength() + " tokens) into 2 × " + t.contextParallel() + " = "
                        + chunks + " equal chunks";
    }

    /**
     * Whether each pinned tensor-parallel degree splits the model's attention evenly, or null when both do: the
     * query heads must divide among the ranks, and the KV heads too, unless there are fewer of them than ranks
     * (then each KV head is replicated, as Megatron and vLLM do). Names the field: "training.tensorParallel: ...".
     */
    public static String tensorParallelProblem(Scenario s) {
        String training = headsSplitProblem(s.model(), s.training().tensorParallel());
        if (training != null) {
            return TRAINING_TP.path() + ": " + training;
        }
        String serving = s.inference().tensorParallel() > 0 ? headsSplitProblem(s.model(), s.inference().tensorParallel()) : null;
        return serving == null ? null : SERVING_TP.path() + ": " + serving;
    }

    /**
     * Why {@code tp} ranks cannot split the model's attention evenly, or null when they can: every kind of attention
     * layer (the sliding-window ones may have their own heads) must split.
     */
    public static String headsSplitProblem(ModelArchitecture m, int tp) {
        String full = headsSplitProblem(m.attentionShape(), m.mla() == null, tp, m.mixedAttentionShapes() ? " on its full-attention layers" : "");
        return full != null || !m.mixedAttentionShapes() ? full
                : headsSplitProblem(m.localAttentionShape(), true, tp, " on its sliding-window layers");
    }

    private static String headsSplitProblem(AttentionShape shape, boolean kvHeadsSplit, int tp, String where) {
        long heads = Math.round(shape.heads());
        long kvHeads = Math.round(shape.kvHeads());
        if (heads % tp != 0) {
            return "must divide the model's " + heads + " attention heads" + where + ", got " + tp;
        }
        if (kvHeadsSplit && kvHeads % tp != 0 && tp % kvHeads != 0) {
            return "must divide the model's " + kvHeads + " KV heads" + where + " (or be a multiple of them), got " + tp;
        }
        return null;
    }

    /** A scenario with every component blank; building one sets the model, then each field in {@link #ALL} order. */
    public static Scenario blankScenario() {
        return RecordPaths.blank(Scenario.class);
    }

    // ---- declaration helpers ------------------------------------------------------------------

    private static <T> ScenarioField<T> declare(ScenarioField<T> field) {
        DECLARED.add(field);
        return field;
    }

    private static ScenarioField<String> text(String path, String label, String def, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.TEXT, String.class, label, "", help, 0, 0, List.of(),
                v -> v, def, null, def.isEmpty() ? "(empty)" : def));
    }

    private static ScenarioField<Double> number(String path, String label, double min, double max, double def, String unit, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.NUMBER, Double.class, label, unit, help, min, max, List.of(),
                ScenarioField::plain, def, null, ScenarioField.plain(def)));
    }

    private static ScenarioField<Double> derivedNumber(String path, String label, double min, double max,
                                                       Function<Scenario, Double> derived, String defaultText, String unit, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.NUMBER, Double.class, label, unit, help, min, max, List.of(),
                ScenarioField::plain, null, derived, defaultText));
    }

    private static ScenarioField<Double> derivedWhole(String path, String label, double min, double max,
                                                      Function<Scenario, Double> derived, String defaultText, String unit, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.WHOLE, Double.class, label, unit, help, min, max, List.of(),
                ScenarioField::plain, null, derived, defaultText));
    }

    private static ScenarioField<Double> whole(String path, String label, double min, double max, double def, String unit, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.WHOLE, Double.class, label, unit, help, min, max, List.of(),
                ScenarioField::plain, def, null, ScenarioField.plain(def)));
    }

    private static ScenarioField<Boolean> bool(String path, String label, boolean def, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.BOOLEAN, Boolean.class, label, "", help, 0, 0, List.of(),
                String::valueOf, def, null, Boolean.toString(def)));
    }

    private static <E> ScenarioField<E> choice(String path, String label, Class<E> type, List<E> choices, Function<E, String> id,
                                               E def, Function<Scenario, E> derived, String derivedText, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.CHOICE, type, label, "", help, 0, 0, choices, id, def, derived,
                derivedText != null ? derivedText : id.apply(def)));
    }

    /** A GPU's default is either derived (serving follows training) or a catalog id, which only the catalog can resolve. */
    private static ScenarioField<Gpu> gpu(String path, String label, Function<Scenario, Gpu> derived, String defaultText, String help) {
        return declare(new ScenarioField<>(path, ScenarioField.Kind.GPU, Gpu.class, label, "", help, 0, 0, List.of(),
                Gpu::id, null, derived, defaultText));
    }
}
