package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import loopline.Fixtures;
import loopline.engine.hardware.Gpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogValidationTest {
    @TempDir
    Path dir;

    @Test
    void theShippedCatalogsHoldTheRequiredGpusWithDatedSourcedPrices() {
        assertThat(Fixtures.CATALOGS.gpus()).containsKeys("h100-sxm", "h100-pcie", "h200", "h800", "b200", "a100-80gb",
                "a100-40gb", "l40s", "l4", "a10g", "t4", "v100-32gb", "rtx-4090", "rtx-5090", "mi300x", "mi325x",
                "b300", "gb200", "h20", "rtx-pro-6000", "gb300", "mi355x", "gaudi3", "trainium2", "tpu-v6e");
        Fixtures.CATALOGS.gpus().values().forEach(g -> {
            assertThat(g.pricePerGpuHourUsd()).as(g.id()).isPositive();
            // a month where the source gives one; some price surveys are dated by year alone (Ornn's B300 range)
            assertThat(g.priceDate()).as(g.id()).matches("\\d{4}(-\\d{2})?");
            assertThat(g.priceSource()).as(g.id()).isNotBlank();
        });
        assertThat(Fixtures.CATALOGS.gpus().get("h800").interconnectBytesPerSecond()).isEqualTo(400e9);
        assertThat(Fixtures.CATALOGS.gpus().get("b300").fp4FlopsPerSecond()).isEqualTo(14_000e12);
        assertThat(Fixtures.CATALOGS.gpus().get("h20").fp4FlopsPerSecond()).isZero();
        assertThat(Fixtures.CATALOGS.gpus().get("gb300").fp4FlopsPerSecond()).isEqualTo(15_000e12);
        assertThat(Fixtures.CATALOGS.gpus().get("mi355x").memoryBandwidthBytesPerSecond()).isEqualTo(8e12);
        assertThat(Fixtures.CATALOGS.gpus().get("trainium2").fp8FlopsPerSecond()).isEqualTo(1_299e12);
        assertThat(Fixtures.CATALOGS.gpus().get("tpu-v6e").bf16FlopsPerSecond()).isEqualTo(918e12);
        assertThat(Fixtures.CATALOGS.gpus().get("gaudi3").memoryBytes()).isEqualTo(128e9);
        assertThat(Fixtures.CATALOGS.gpus().values().stream().filter(g -> !g.isGpu()).map(Gpu::id))
                .containsExactlyInAnyOrder("gaudi3", "trainium2", "tpu-v6e");
        // no public hourly price for these: each carries a marked estimate; TPU v6e has Google's list price
        assertThat(Fixtures.CATALOGS.gpus().values().stream().filter(Gpu::priceEstimated).map(Gpu::id))
                .contains("gb300", "mi355x", "gaudi3", "trainium2", "h20").doesNotContain("tpu-v6e", "h100-sxm");
    }

    @Test
    void anEstimatedPriceSaysSoInItsSourceAndOnlyAnEstimateDoes() throws IOException {
        String gpu = "{\"gpus\":[{\"id\":\"x1\",\"name\":\"X\",\"memoryGB\":80,\"memoryBandwidthTBps\":1,"
                + "\"denseTflops\":{\"fp32\":1,\"bf16\":2},\"interconnect\":\"i\",\"interconnectGBps\":1,\"tdpWatts\":1,"
                + "\"price\":{\"usdPerGpuHour\":1,\"date\":\"2026-01\",%s},\"specSource\":\"s\",\"kernels\":\"h100-sxm\"}]}";
        Path unmarked = write("a.json", String.format(gpu, "\"source\":\"LoopLine estimate: why\""));
        assertThatThrownBy(() -> readGpus(unmarked)).hasMessageContaining("gpus[x1].price.estimate");
        Path unexplained = write("b.json", String.format(gpu, "\"estimate\":true,\"source\":\"a quote\""));
        assertThatThrownBy(() -> readGpus(unexplained)).hasMessageContaining("gpus[x1].price.estimate");
        assertThat(readGpus(write("c.json", String.format(gpu, "\"estimate\":true,\"source\":\"LoopLine estimate: why\"")))
                .get("x1").priceEstimated()).isTrue();
    }

    private static final java.util.Map<String, loopline.engine.hardware.KernelTable> KERNELS =
            KernelTableReader.readAll(Path.of("assets/kernels"));

    private static java.util.Map<String, Gpu> readGpus(Path file) {
        return GpuCatalog.read(file, KERNELS);
    }

    @Test
    void aGpuNamesAMeasuredKernelTableAndEveryShippedOneDoes() throws IOException {
        String gpu = String.format(java.util.Locale.ROOT, GPU, "x1", "80");
        Path unknown = write("k.json", gpu.replace("\"kernels\":\"h100-sxm\"", "\"kernels\":\"h900\""));
        assertThatThrownBy(() -> readGpus(unknown)).hasMessageStartingWith(unknown + ": gpus[x1].kernels: no measured kernel table \"h900\"");
        Path missing = write("m.json", gpu.replace(",\"kernels\":\"h100-sxm\"", ""));
        assertThatThrownBy(() -> readGpus(missing)).hasMessage(missing + ": gpus[x1].kernels: missing");
        // the measured ones carry their own; the rest borrow the nearest generation's
        assertThat(Fixtures.CATALOGS.gpus().values().stream().filter(Gpu::kernelsMeasured).map(Gpu::id))
                .containsExactlyInAnyOrder("h100-sxm", "h200", "b200", "gb200", "a100-80gb", "l40s");
        assertThat(Fixtures.CATALOGS.gpus().get("b300").kernels().measuredOn()).isEqualTo("b200");
    }

    private Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void aMissingFieldNamesTheFileTheEntryAndTheField() throws IOException {
        Path f = write("gpus.json", "{\"gpus\":[{\"id\":\"x1\",\"name\":\"X\",\"memoryBandwidthTBps\":1,"
                + "\"denseTflops\":{\"fp32\":1,\"bf16\":2},\"interconnect\":\"PCIe\",\"interconnectGBps\":64,\"tdpWatts\":100,"
                + "\"price\":{\"usdPerGpuHour\":1,\"date\":\"2026-01\",\"source\":\"s\"},\"specSource\":\"s\",\"kernels\":\"h100-sxm\"}]}");
        assertThatThrownBy(() -> readGpus(f))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(f + ": gpus[x1].memoryGB: missing");
    }

    @Test
    void aNegativeOrWronglyTypedFieldIsRejected() throws IOException {
        Path f = write("models.json", "{\"models\":[{\"id\":\"m\",\"layers\":-2,\"hiddenSize\":64,\"attentionHeads\":4,"
                + "\"ffnSize\":128,\"vocabSize\":100}]}");
        assertThatThrownBy(() -> ModelCatalog.readEntries(f)).hasMessageContaining("models[m].layers: must be between 1 and 1000, got -2");
        Path g = write("models2.json", "{\"models\":[{\"id\":\"m\",\"layers\":\"two\",\"hiddenSize\":64,\"attentionHeads\":4,"
                + "\"ffnSize\":128,\"vocabSize\":100}]}");
        assertThatThrownBy(() -> ModelCatalog.readEntries(g)).hasMessageContaining("models[m].layers: must be a number, got \"two\"");
    }

    @Test
    void anUnknownFieldIsATypoNotSilentlyIgnored() throws IOException {
        Path f = write("models.json", "{\"models\":[{\"id\":\"m\",\"layers\":2,\"hiddenSize\":64,\"attentionHeads\":4,"
                + "\"ffnSize\":128,\"vocabSize\":100,\"hiddenSzie\":1}]}");
        assertThatThrownBy(() -> ModelCatalog.readEntries(f)).hasMessageContaining("models[m].hiddenSzie: unknown field");
    }

    @Test
    void anMoeMustKeepAtLeastOneLayerOfExperts() throws IOException {
        String model = "{\"models\":[{\"id\":\"m\",\"layers\":4,\"hiddenSize\":64,\"attentionHeads\":4,\"ffnSize\":128,"
                + "\"vocabSize\":100,\"moe\":{\"experts\":8,\"activeExperts\":2,\"expertFfnSize\":32,%s}}]}";
        assertThatThrownBy(() -> ModelCatalog.readEntries(write("a.json", String.format(model, "\"denseLayers\":4"))))
                .hasMessageContaining("models[m].moe.denseLayers: leaves no MoE layer among 4 layers");
        assertThatThrownBy(() -> ModelCatalog.readEntries(write("b.json", String.format(model, "\"denseLayers\":1,\"layerStep\":4"))))
                .hasMessageContaining("models[m].moe.layerStep: leaves no MoE layer");
        assertThat(ModelCatalog.readEntries(write("c.json", String.format(model, "\"denseLayers\":1,\"layerStep\":3")))).containsKey("m");
    }

    @Test
    void expertWeightsNameTheShippedFormatThatChangesTheKernel() throws IOException {
        String model = "{\"models\":[{\"id\":\"m\",\"layers\":4,\"hiddenSize\":64,\"attentionHeads\":4,\"ffnSize\":128,"
                + "\"vocabSize\":100,\"moe\":{\"experts\":8,\"activeExperts\":2,\"expertFfnSize\":32%s}}]}";
        Path shipped = write("a.json", String.format(model, ",\"expertWeights\":\"mxfp4\""));
        assertThat(ModelCatalog.parseAll(ModelCatalog.readEntries(shipped), shipped).get("m").moe().mxfp4Experts()).isTrue();
        Path plain = write("b.json", String.format(model, ""));
        assertThat(ModelCatalog.parseAll(ModelCatalog.readEntries(plain), plain).get("m").moe().mxfp4Experts()).isFalse();
        Path wrong = write("c.json", String.format(model, ",\"expertWeights\":\"nvfp4\""));
        assertThatThrownBy(() -> ModelCatalog.parseAll(ModelCatalog.readEntries(wrong), wrong))
                .hasMessageContaining("models[m].moe.expertWeights: must be \"mxfp4\"").hasMessageContaining("got \"nvfp4\"");
    }

    @Test
    void brokenJsonSaysWhere() throws IOException {
        Path f = write("gpus.json", "{\"gpus\": [ {\"id\": }");
        assertThatThrownBy(() -> readGpus(f)).hasMessageStartingWith(f + ": not valid JSON at line 1");
    }

    private static final String GPU = "{\"gpus\":[{\"id\":\"%s\",\"name\":\"X\",\"memoryGB\":%s,\"memoryBandwidthTBps\":1,"
            + "\"denseTflops\":{\"fp32\":1,\"bf16\":2},\"interconnect\":\"PCIe\",\"interconnectGBps\":64,\"tdpWatts\":100,"
            + "\"price\":{\"usdPerGpuHour\":1,\"date\":\"2026-01\",\"source\":\"s\"},\"specSource\":\"s\",\"kernels\":\"h100-sxm\"}]}";

    @Test
    void everyCatalogNumberHasAnUpperBound() throws IOException {
        Path f = write("gpus.json", String.format(java.util.Locale.ROOT, GPU, "x1", "1e300"));
        assertThatThrownBy(() -> readGpus(f)).hasMessage(f + ": gpus[x1].memoryGB: must be between 0 and 100000, got 1.0E300");
        Path m = write("models.json", "{\"models\":[{\"id\":\"m\",\"layers\":2,\"hiddenSize\":64,\"attentionHeads\":4,"
                + "\"ffnSize\":128,\"vocabSize\":1e300}]}");
        assertThatThrownBy(() -> ModelCatalog.readEntries(m)).hasMessageContaining("models[m].vocabSize: must be between 1 and 10000000");
    }

    @Test
    void idsMustBeLowerCase() throws IOException {
        Path f = write("gpus.json", String.format(java.util.Locale.ROOT, GPU, "H100 SXM", "80"));
        assertThatThrownBy(() -> readGpus(f))
                .hasMessage(f + ": gpus[H100 SXM].id: must be a lower-case id (a-z, 0-9, '.', '-', '_'), got \"H100 SXM\"");
        assertThat(readGpus(write("ok.json", String.format(java.util.Locale.ROOT, GPU, "x1", "80")))).containsKey("x1");
    }

    @Test
    void apiPricesNameACatalogModelAndPlausibleRates() throws IOException {
        java.util.Set<String> models = java.util.Set.of("llama-3.1-8b");
        Path unknown = write("api-prices.json", "{\"apiPrices\":[{\"id\":\"llama-9\",\"offers\":[{\"provider\":\"p\","
                + "\"inputUsdPerMillionTokens\":0.1,\"outputUsdPerMillionTokens\":0.2,\"date\":\"2025-09-01\",\"source\":\"s\"}]}]}");
        assertThatThrownBy(() -> ApiPriceCatalog.read(unknown, models))
                .hasMessage(unknown + ": apiPrices[llama-9].id: is not a model in models.json");
        Path negative = write("api-prices.json", "{\"apiPrices\":[{\"id\":\"llama-3.1-8b\",\"offers\":[{\"provider\":\"p\","
                + "\"inputUsdPerMillionTokens\":-1,\"outputUsdPerMillionTokens\":0.2,\"date\":\"2025-09-01\",\"source\":\"s\"}]}]}");
        assertThatThrownBy(() -> ApiPriceCatalog.read(negative, models)).hasMessageContaining("offers[0].inputUsdPerMillionTokens");
        assertThat(ApiPriceCatalog.read(dir.resolve("absent.json"), models)).isEmpty();
    }
}
