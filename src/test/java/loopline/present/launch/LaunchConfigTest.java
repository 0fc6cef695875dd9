package loopline.present.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import loopline.Fixtures;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Launch scripts carry exactly what the estimate assumed, in each launcher's own spelling. */
class LaunchConfigTest {
    private static final String STAMP = "LoopLine test · 2026-12-07";

    private static Estimate preset(String name, String... sets) {
        ScenarioDocument doc = ScenarioDocument.read(Fixtures.preset(name), Fixtures.CATALOGS);
        for (String set : sets) {
            doc = doc.apply(set, Fixtures.CATALOGS);
        }
        return Estimator.estimate(ScenarioReader.bind(doc, Fixtures.CATALOGS, name));
    }

    private static String launch(LaunchFormat f, Estimate e) {
        return LaunchConfig.of(f, e, Fixtures.CATALOGS.checkpointFor(e.scenario().model().id()), STAMP);
    }

    static Stream<Path> presets() {
        return Fixtures.presetFiles().stream();
    }

    /** On every preset, each serving script's parallel degrees, context and memory share are the estimate's. */
    @ParameterizedTest
    @MethodSource("presets")
    void everyServingScriptCarriesTheEstimatesShape(Path preset) {
        Estimate e = Estimator.estimate(ScenarioReader.read(preset, Fixtures.CATALOGS));
        if (!e.serving().servable()) {
            assertThatThrownBy(() -> launch(LaunchFormat.VLLM, e)).hasMessageContaining("does not fit");
            return;
        }
        var shape = e.inferenceSpeed().shape();
        var i = e.scenario().inference();
        int context = (int) Math.ceil(i.promptTokens() + i.outputTokens());
        assertThat(launch(LaunchFormat.VLLM, e)).contains("--tensor-parallel-size " + shape.tensorParallel() + " ",
                "--max-model-len " + context + " ", "--max-num-seqs " + i.maxConcurrentSequences() + " ",
                formatReplicas(e.serving().replicas()));
        assertThat(launch(LaunchFormat.SGLANG, e)).contains("--tp-size " + shape.gpus() + " ", "--context-length " + context + " ");
        assertThat(launch(LaunchFormat.TRTLLM, e)).contains("--tp_size " + shape.gpus() + " ", "--max_seq_len " + context + " ");
        for (LaunchFormat f : new LaunchFormat[] {LaunchFormat.VLLM, LaunchFormat.SGLANG, LaunchFormat.TRTLLM}) {
            assertThat(launch(f, e).lines()).as(f + ": comment lines wrap").allSatisfy(l -> assertThat(l.startsWith("# ") && !l.startsWith("#   ")
                    && l.length() > LaunchConfig.WIDTH).isFalse());
        }
    }

    private static String formatReplicas(long replicas) {
        return loopline.present.Format.formatCount(replicas) + " replica" + (replicas == 1 ? " " : "s ");
    }

    @Test
    void aWideExpertParallelMoeRunsDataParallelAttentionInEveryEngine() {
        Estimate e = preset("moe-deepseek-v3.json");
        assertThat(e.inferenceSpeed().shape().label()).isEqualTo("TP 1 · EP 8");
        assertThat(launch(LaunchFormat.VLLM, e)).contains("--tensor-parallel-size 1 \\\n  --data-parallel-size 8 \\\n  --enable-expert-parallel",
                "--quantization fp8", "--kv-cache-dtype fp8 ");
        // vLLM's and TensorRT-LLM's limits are per attention-DP rank, SGLang's the server's total, which it divides by dp-size
        assertThat(launch(LaunchFormat.VLLM, e)).contains("--max-num-seqs 1024 ", "--max-num-batched-tokens 8192 ");
        assertThat(launch(LaunchFormat.SGLANG, e)).contains("--tp-size 8 \\\n  --ep-size 8 \\\n  --dp-size 8 \\\n  --enable-dp-attention",
                "--kv-cache-dtype fp8_e4m3", "--max-running-requests 8192 ", "--chunked-prefill-size 65536 ");
        assertThat(launch(LaunchFormat.TRTLLM, e)).contains("enable_attention_dp: true", "  dtype: fp8", "--ep_size 8",
                "ModelOpt FP8 checkpoint", "--max_batch_size 1024 ", "--max_num_tokens 8192 ");
    }

    @Test
    void aCheckpointThatShipsFp4ExpertsGetsNoQuantisationFlag() {
        String vllm = launch(LaunchFormat.VLLM, preset("gpt-oss-120b-b200-fp4.json"));
        assertThat(vllm).doesNotContain("--quantization").contains("mxfp4 already");
        String nvfp4 = launch(LaunchFormat.VLLM, preset("default.json", "inference.gpu=b200", "inference.precision=fp4"));
        assertThat(nvfp4).contains("--quantization modelopt_fp4", "NVFP4 checkpoint");
    }

    @Test
    void whatAnEngineCannotTakeIsSaidNotDropped() {
        Estimate e = preset("default.json", "inference.kvCachePrecision=fp4", "inference.gpu=b200", "inference.kvAdmission=reserve");
        assertThat(launch(LaunchFormat.VLLM, e)).contains("--kv-cache-dtype fp8 ", "smallest is fp8", "KV reserved at admission");
        assertThat(launch(LaunchFormat.SGLANG, e)).contains("--kv-cache-dtype nvfp4");
        assertThat(launch(LaunchFormat.TRTLLM, e)).contains("capacity_scheduler_policy: GUARANTEED_NO_EVICT", "dtype: nvfp4");
    }

    /** Speculative decoding as the estimate assumed it: k draft tokens from a separate draft model, in each engine's spelling. */
    @Test
    void speculativeDecodingGetsEachEnginesDraftModelFlags() {
        Estimate e = preset("default.json", "inference.speculativeDecoding.enabled=true", "inference.speculativeDecoding.draftTokens=3");
        assertThat(launch(LaunchFormat.VLLM, e)).contains("\\\"num_speculative_tokens\\\": 3}", "${DRAFT:?");
        assertThat(launch(LaunchFormat.SGLANG, e)).contains("--speculative-algorithm STANDALONE", "--speculative-draft-model-path ${DRAFT:?",
                "--speculative-num-steps 3 ", "--speculative-eagle-topk 1 ", "--speculative-num-draft-tokens 4\n");
        assertThat(launch(LaunchFormat.TRTLLM, e)).contains("<<YAML\n", "speculative_config:\n  decoding_type: DraftTarget\n"
                + "  max_draft_len: 3\n  speculative_model_dir: ${DRAFT:?", "disable_overlap_scheduler: true");
        assertThat(launch(LaunchFormat.SGLANG, preset("default.json"))).doesNotContain("speculative");
    }

    @Test
    void theBenchmarkLineRunsTheLoadTheEstimateWasReadAt() {
        Estimate open = preset("default.json");
        assertThat(launch(LaunchFormat.VLLM, open)).contains("--random-input-len 1500 --random-output-len 300 --ignore-eos --request-rate 6.81");
        Estimate closed = preset("default.json", "inference.batchSize=64");
        assertThat(launch(LaunchFormat.SGLANG, closed)).contains("--max-concurrency 64 --request-rate inf", "at 64 concurrent requests",
                "--base-url http://localhost:30000 "); // SGLang's own port; vLLM and trtllm-serve listen on 8000
        assertThat(launch(LaunchFormat.TRTLLM, closed)).contains("--base-url http://localhost:8000 ");
    }

    /** Megatron splits the global batch evenly over the data-parallel ranks: 488 sequences on 256 ranks become 512. */
    @Test
    void megatronGetsTheRunsParallelismAndAnEvenGlobalBatch() {
        String m = launch(LaunchFormat.MEGATRON, preset("default.json"));
        assertThat(m).contains("torchrun --nnodes 256 --nproc-per-node 8", "--tensor-model-parallel-size 8 \\\n  --sequence-parallel",
                "--global-batch-size 512 ", "--train-iters 3576279 ", "--use-distributed-optimizer", "--recompute-granularity selective",
                "LoopLine assumed 488");
        String moe = launch(LaunchFormat.MEGATRON, preset("moe-deepseek-v3.json"));
        assertThat(moe).contains("--pipeline-model-parallel-size 16", "--expert-model-parallel-size 64", "--fp8-format hybrid");
        String fsdp = launch(LaunchFormat.MEGATRON, preset("default.json", "training.zeroStage=3", "training.tensorParallel=1",
                "training.activationRecompute=full", "training.loss=fused"));
        assertThat(fsdp).contains("--use-megatron-fsdp \\\n  --data-parallel-sharding-strategy optim_grads_params",
                "--recompute-granularity full \\\n  --recompute-method uniform \\\n  --recompute-num-layers 1", "--cross-entropy-loss-fusion")
                .doesNotContain("--sequence-parallel");
    }

    @Test
    void megatronRefusesAdaptersAndServingRefusesWhatDoesNotFit() {
        assertThatThrownBy(() -> launch(LaunchFormat.MEGATRON, preset("lora-8b-one-gpu.json")))
                .hasMessage("no Megatron-LM launch: pretrain_gpt.py trains no lora adapters (NeMo's and Megatron-Bridge's PEFT recipes do)");
        Estimate tooBig = preset("default.json", "model=llama-3.1-405b", "inference.gpu=l4", "inference.tensorParallel=1");
        assertThatThrownBy(() -> launch(LaunchFormat.VLLM, tooBig)).hasMessageStartingWith("no vLLM launch: Llama 3.1 405B does not fit");
    }

    @Test
    void longCommentsWrapAndCommandsStayWhole() {
        assertThat(LaunchConfig.wrapComment("# " + "word ".repeat(40).strip())).hasSizeGreaterThan(1)
                .allSatisfy(l -> assertThat(l).startsWith("# ").hasSizeLessThanOrEqualTo(LaunchConfig.WIDTH));
        String example = "#   vllm bench serve " + "--x 1 ".repeat(30);
        assertThat(LaunchConfig.wrapComment(example)).containsExactly(example);
    }

    /** The split's two pools, each with its own shape and role, and a benchmark through the router at the fleet's peak. */
    @Test
    void aSplitLaunchesEachPoolWithItsShapeAndItsSideOfTheKvTransfer() {
        Estimate e = preset("moe-deepseek-v3.json");
        var d = e.disaggregation();
        String vllm = launch(LaunchFormat.VLLM_SPLIT, e);
        assertThat(vllm).contains("# Prefill pool: " + d.prefill().replicas() + " replicas", "# Decode pool: " + d.decode().replicas() + " replicas",
                "\"kv_role\":\"kv_producer\"", "\"kv_role\":\"kv_consumer\"", "--base-url http://ROUTER:8000");
        assertThat(vllm.split("vllm serve ", -1)).hasSize(3);
        String sglang = launch(LaunchFormat.SGLANG_SPLIT, e);
        assertThat(sglang).contains("--disaggregation-mode prefill", "--disaggregation-mode decode");
        String trtllm = launch(LaunchFormat.TRTLLM_SPLIT, e);
        // context workers without the overlap scheduler, both with a KV transceiver, and the orchestrator over them
        assertThat(trtllm).contains("cat > loopline-prefill.yaml <<YAML\n", "cat > loopline-decode.yaml <<YAML\n",
                "  echo \"  num_instances: " + d.prefill().replicas() + "\"", "  echo \"  num_instances: " + d.decode().replicas() + "\"",
                "$h:8001", "$h:8002", "trtllm-serve disaggregated -c loopline-disagg.yaml");
        assertThat(trtllm.split("cache_transceiver_config:", -1)).hasSize(3);
        assertThat(trtllm.split("disable_overlap_scheduler: true", -1)).hasSize(2);
        assertThat(trtllm.split("trtllm-serve deepseek-ai/", -1)).hasSize(3);
        assertThatThrownBy(() -> launch(LaunchFormat.VLLM_SPLIT, preset("default.json", "inference.batchSize=64")))
                .hasMessageContaining("a set batch size measures one replica");
    }
}
