#!/usr/bin/env python3
"""Derives LoopLine's compact kernel-efficiency tables (assets/kernels/<gpu>.json) from the measured kernel
timings in shared/reference/measured-ops/ (NVIDIA AIConfigurator, Apache-2.0; see that folder's README).

Each table gives shares of the GPU's datasheet peak or HBM bandwidth, so the engine can apply them to the
catalog's own figures (and, for a GPU without a table, to the nearest generation's). Run it again whenever
measured-ops changes:  python3 tools/derive_kernel_tables.py ../shared/reference/measured-ops assets/kernels

Needs pandas. The shares are medians over the measured shapes, so no one shape or model is fitted.
"""
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

COMMIT = "095f58a51c4ca8e61b66ec108d86f223f8d559ce"
GPUS = {"h100_sxm": "h100-sxm", "h200_sxm": "h200", "b200_sxm": "b200", "gb200": "gb200", "a100_sxm": "a100-80gb",
        "l40s": "l40s"}
# AIConfigurator's dtype names -> LoopLine's compute formats
GEMM_DTYPES = {"bfloat16": "bf16", "fp8": "fp8", "nvfp4": "fp4", "int8_smoothquant": "int8"}
MOE_DTYPES = {"bfloat16": "bf16", "fp8": "fp8", "fp8_block": "fp8", "nvfp4": "fp4", "w4a16_mxfp4": "w4a16",
              "w4a8_mxfp4_mxfp8": "w4a8"}
MOE_WEIGHT_BYTES = {"bfloat16": 2, "fp8": 1, "fp8_block": 1 + 4 / 128 / 128, "nvfp4": 0.5625, "w4a16_mxfp4": 0.53125,
                    "w4a8_mxfp4_mxfp8": 0.53125}
# The measured time binds on compute once it exceeds the weight-streaming time by this much.
COMPUTE_BOUND_MARGIN = 1.25
# L2 reuse between the collector's repeats can show more than HBM's bandwidth (L40S); a share never exceeds this.
MAX_BANDWIDTH_SHARE = 0.92


def r(x, digits=4):
    return float(f"{x:.{digits}g}")


def compute_curve(points):
    """(tokens, measured share of peak, _) -> a compute-share curve. While a kernel streams its weights, its time
    hardly moves with tokens, so its share of peak grows in proportion (log-log slope near 1); once it is
    compute-bound the share levels off (slope near 0). The compute side starts at the smallest size from which
    every further slope is below one half (the time grows faster than the square root of the work); below it the
    share is held at that point's value, so a kernel that reads fewer bytes (weight-only int4) is not made
    compute-bound by a share that was really bandwidth."""
    points = sorted((t, s) for t, s, *_ in points if s > 0)
    start = len(points) - 1
    for i in range(len(points) - 2, -1, -1):
        (t0, s0), (t1, s1) = points[i], points[i + 1]
        if math.log(s1 / s0) / math.log(t1 / t0) >= 0.5:
            break
        start = i
    if start == len(points) - 1 and len(points) > 1:
        start = len(points) - 1
    curve = [[r(t), r(points[start][1] if i < start else s)] for i, (t, s) in enumerate(points)]
    # a measured curve may dip at the largest sizes (cache effects); the engine needs it non-decreasing
    best = 0
    for p in curve:
        best = max(best, p[1])
        p[1] = best
    return curve


def floor_and_share(latency_s, weight_bytes, bw):
    """Least squares of t = floor + bytes / (share x BW) over the small-batch rows, where a kernel streams its weights."""
    x = weight_bytes.to_numpy(dtype=float)
    y = latency_s.to_numpy(dtype=float)
    a = np.vstack([np.ones(len(x)), x]).T
    (floor, per_byte), *_ = np.linalg.lstsq(a, y, rcond=None)
    floor = min(max(floor, 0.0), float(y.min()))
    share = min(MAX_BANDWIDTH_SHARE, 1 / per_byte / bw) if per_byte > 0 else MAX_BANDWIDTH_SHARE
    return floor, share


GEMM_WEIGHT_BYTES = {"bfloat16": 2, "fp8": 1, "nvfp4": 0.5625, "int8_smoothquant": 1}


def gemm_tables(ops, gpu, peaks, bw):
    s = pd.read_csv(ops / "gemm_efficiency_summary.csv")
    s = s[s.gpu == gpu]
    g = pd.read_csv(ops / "gemm.csv")
    g = g[(g.gpu == gpu) & (g.m <= 16)]
    out = {}
    for dtype, fmt in GEMM_DTYPES.items():
        d = s[s.dtype == dtype].sort_values("m")
        if d.empty:
            continue
        small = g[g.dtype == dtype]
        floor, share_bw = floor_and_share(small.latency_ms * 1e-3, small.n * small.k * GEMM_WEIGHT_BYTES[dtype], bw)
        pts = []
        for _, row in d.iterrows():
            eff = row.median_pct_of_peak / 100
            # for the median large shape (n = k = 8192) the weight bytes set a floor of time; compare against it
            n = k = 8192
            bytes_w = n * k * {"bf16": 2, "fp8": 1, "fp4": 0.5625, "int8": 1}[fmt]
            t_meas = 2 * row.m * n * k / (eff * peaks[fmt])
            t_bw = floor + bytes_w / (share_bw * bw)
            pts.append((row.m, eff, t_meas > COMPUTE_BOUND_MARGIN * t_bw))
        out[fmt] = {"floorMicroseconds": r(floor * 1e6), "bandwidthShare": r(share_bw),
                    "computeShareByTokens": compute_curve(pts),
                    "shapes": int(d.n_shapes.median())}
    return out


def moe_tables(ops, gpu, peaks, bw):
    m = pd.read_csv(ops / "moe.csv")
    m = m[(m.gpu == gpu) & (m.moe_tp == 1)].copy()
    # power-law routing (AIConfigurator's model of real routers' skew) where measured: its busiest expert sets the
    # kernel's time, the load imbalance a balanced router would hide (1.0-1.25x of balanced in these tables)
    col = "latency_ms_powerlaw" if m.latency_ms_powerlaw.notna().any() else "latency_ms_balanced"
    m["t"] = m[col] * 1e-3
    m["local"] = m.experts / m.moe_ep
    m["routes"] = m.num_tokens * m.topk / m.moe_ep
    # experts a rank's routes reach (uniform router): each of its local experts with chance 1 - (1 - 1/local)^routes
    m["reached"] = m.local * (1 - (1 - 1 / m.local) ** m.routes)
    m["w"] = m.reached * 3 * m.hidden * m.inter * m.dtype.map(MOE_WEIGHT_BYTES)
    m["flops"] = m.routes * 6 * m.hidden * m.inter
    out = {}
    for fmt in dict.fromkeys(MOE_DTYPES.values()):
        d = m[m.dtype.map(MOE_DTYPES) == fmt]
        if d.empty:
            continue
        peak = peaks["bf16" if fmt in ("bf16", "w4a16") else "fp4" if fmt == "fp4" else "fp8"]
        small = d[d.num_tokens <= 8]
        floor, share_bw = floor_and_share(small.t, small.w, bw)
        d = d.assign(eff=d.flops / d.t / peak, bound=d.t > COMPUTE_BOUND_MARGIN * (floor + d.w / (share_bw * bw)))
        best = {}
        for (dtype, model, hidden, inter, experts, topk), g in d.groupby(["dtype", "model", "hidden", "inter", "experts", "topk"]):
            pts = []
            for tpe, e in g.groupby("tokens_per_expert"):
                pts.append((tpe, float(e.eff.median()), bool(e.bound.mean() > 0.5)))
            shape = {"measuredOn": model + " " + dtype, "hidden": int(hidden), "expertFfn": int(inter), "experts": int(experts),
                     "topK": int(topk), "computeShareByTokensPerExpert": compute_curve(pts)}
            key = (hidden, inter, experts)
            last = best.get(key)
            # fp8 and fp8_block both serve "fp8": keep the faster kernel, as TensorRT-LLM picks one
            if last is None or shape["computeShareByTokensPerExpert"][-1][1] > last["computeShareByTokensPerExpert"][-1][1]:
                best[key] = shape
        out[fmt] = {"floorMicroseconds": r(floor * 1e6), "bandwidthShare": r(share_bw), "router": col.replace("latency_ms_", ""),
                    "shapes": sorted(best.values(), key=lambda x: x["hidden"] * x["expertFfn"])}
    return out


def decode_attention(ops, gpu, bw):
    a = pd.read_csv(ops / "attention_generation.csv")
    a = a[(a.gpu == gpu) & (a.window == 0)].copy()
    a["bytes"] = a.batch * a.kv_len * a.kv_heads * a.head_dim * 2 * a.kv_cache_dtype.map({"fp8": 1}).fillna(2)
    a["share"] = a.bytes / (a.latency_ms * 1e-3) / bw
    a["bin"] = (a.bytes.apply(math.log2)).round()
    curve = []
    best = 0
    for b, g in a.groupby("bin"):
        best = max(best, min(MAX_BANDWIDTH_SHARE, g.share.median()))
        curve.append([r(2 ** b), r(best)])
    return {"floorMicroseconds": r(a.latency_ms.min() * 1e3), "bandwidthShareByBytesPerCall": curve}


def prefill_attention(ops, gpu, peaks):
    c = pd.read_csv(ops / "attention_context.csv")
    c = c[(c.gpu == gpu) & (c.window == 0) & (c.kv_cache_dtype == "bfloat16")]
    curve = []
    best = 0
    for isl, g in c.groupby("isl"):
        best = max(best, g.pct_of_peak.median() / 100)
        curve.append([int(isl), r(best)])
    return {"computeShareByPromptTokens": curve}


def collectives(ops, gpu):
    c = pd.read_csv(ops / "comm.csv")
    c = c[c.gpu == gpu]
    custom = c[c.library.str.contains("custom")]
    nccl = c[c.library.str.startswith("nccl")]
    ar = {}
    for n, g in (custom if not custom.empty else nccl[nccl.op == "all_reduce"]).groupby("num_gpus"):
        big = g[g.message_bytes >= g.message_bytes.max() / 8]
        ar[str(int(n))] = {"floorMicroseconds": r(g.latency_us.min()), "busGBps": r(big.busbw_GBps.median())}
    a2a = {}
    for n, g in nccl[nccl.op == "alltoall"].groupby("num_gpus"):
        big = g[g.message_bytes >= g.message_bytes.max() / 8]
        a2a[str(int(n))] = {"floorMicroseconds": r(g.latency_us.min()), "busGBps": r(big.busbw_GBps.median())}
    return ar, a2a


def gb200_alltoall(ops):
    """TRT-LLM's NVLink MoE dispatch: floor and the rate at which a rank's tokens leave it (bytes = tokens x hidden x 2)."""
    g = pd.read_csv(ops / "moe_alltoall_gb200.csv")
    d = g[(g.op == "alltoall_dispatch") & (g.moe_dtype == "bfloat16")]
    out = {}
    for ep, e in d.groupby("ep_size"):
        big = e[e.tokens_per_rank >= 4096]
        rate = (big.tokens_per_rank * big.hidden_size * 2 * big.topk / (big.latency_us * 1e-6)).median() / 1e9
        # as nccl-tests count an all-to-all's bus bandwidth: the rank's bytes x (n-1)/n over the time
        out[str(int(ep))] = {"floorMicroseconds": r(e.latency_us.min()), "busGBps": r(rate * (ep - 1) / ep)}
    return out


def main(ops, dest):
    ops, dest = Path(ops), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    peaks_csv = pd.read_csv(ops / "gpu_peaks_used.csv").set_index("gpu")
    for gpu, catalog_id in GPUS.items():
        p = peaks_csv.loc[gpu]
        peaks = {"bf16": p.bf16_dense_tflops * 1e12, "fp8": (p.fp8_dense_tflops if p.fp8_dense_tflops == p.fp8_dense_tflops
                                                              else p.int8_dense_tops) * 1e12,
                 "fp4": (p.fp4_dense_tflops if p.fp4_dense_tflops == p.fp4_dense_tflops else 0) * 1e12,
                 "int8": p.int8_dense_tops * 1e12}
        bw = p.mem_bw_GBps * 1e9
        ar, a2a = collectives(ops, gpu)
        table = {
            "_about": {
                "what": "Kernel efficiency as shares of this GPU's datasheet peak (dense) and HBM bandwidth, by size: "
                        "derived by tools/derive_kernel_tables.py from measured TensorRT-LLM kernel timings",
                "source": "NVIDIA AIConfigurator (github.com/ai-dynamo/aiconfigurator, commit " + COMMIT + "), "
                          "aic-core/src/aiconfigurator_core/systems/data/" + gpu + "/ (gemm, moe, attention, comm), "
                          "sampled in LoopLine's shared/reference/measured-ops",
                "licence": "Apache License 2.0 (AIConfigurator's data tables, SPDX-License-Identifier: Apache-2.0); "
                           "derived figures, not the raw tables",
                "peaksUsed": "TFLOPS bf16 %g, fp8 %g, fp4 %g; HBM %g TB/s (%s.yaml)" % (
                    p.bf16_dense_tflops, peaks["fp8"] / 1e12, peaks["fp4"] / 1e12, p.mem_bw_GBps / 1e3, gpu),
            },
            "measuredOn": catalog_id,
            # the datasheet figures the shares are of: the engine rescales them to its catalog's figures for this GPU
            "peaks": {"bf16Tflops": float(p.bf16_dense_tflops), "fp8Tflops": peaks["fp8"] / 1e12,
                      "fp4Tflops": peaks["fp4"] / 1e12, "int8Tops": float(p.int8_dense_tops),
                      "memoryBandwidthTBps": p.mem_bw_GBps / 1e3},
            "gemm": gemm_tables(ops, gpu, peaks, bw),
            "moe": moe_tables(ops, gpu, peaks, bw),
            "decodeAttention": decode_attention(ops, gpu, bw),
            "prefillAttention": prefill_attention(ops, gpu, peaks),
            "allReduce": ar,
            "allToAll": gb200_alltoall(ops) if gpu == "gb200" else a2a,
        }
        (dest / (catalog_id + ".json")).write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n")
        print("wrote", dest / (catalog_id + ".json"))


if __name__ == "__main__":
    main(*(sys.argv[1:3] if len(sys.argv) > 2 else ("../shared/reference/measured-ops", "assets/kernels")))
