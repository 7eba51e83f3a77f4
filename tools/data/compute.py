"""Hand-keyed compute evidence: MFU of published training runs and mixture-of-experts sizes.

mfu.csv: one row per published report of model-FLOPs utilisation (MFU = model FLOPs per
second / the accelerators' dense peak; 6 x params x tokens for training). Where a report
gives throughput counted with the activation-recomputation pass (Megatron's formula), the
MFU is that throughput x 3/4 (a forward pass is a third of forward + backward), and the
note says so. carbonscope takes the central MFU from the report for the same hardware
generation nearest in model size, and the range from the spread of the reports.

moe_models.csv: published mixture-of-experts models whose total parameter count would
give 6 x total x tokens, several times the compute they do: the estimate refuses that
count without --active-params.
"""

HW_V100 = "V100"
HW_A100 = "A100"
HW_HOPPER = "H100|H200|H800"
HW_TPU_V3 = "TPU v3"
HW_TPU_V4 = "TPU v4"

# id, hardware fragments (matched in the accelerator's name), model, params (billions),
# mfu, low, high, source_id, note
MFU_EVIDENCE = [
    ("gpt3-175b-v100", HW_V100, "GPT-3 175B", 175, 0.213, 0.213, 0.213, "chowdhery-2022",
     "PaLM Table 3: MFU of GPT-3's training on V100 GPUs"),
    ("megatron-8.3b-v100", HW_V100, "Megatron-LM 8.3B", 8.3, 0.236, 0.236, 0.236, "shoeybi-2019",
     "15.1 PFLOP/s sustained on 512 V100 (29.5 TFLOP/s per GPU) / 125 TFLOP/s fp16 peak"),
    ("mt-nlg-530b-a100", HW_A100, "Megatron-Turing NLG 530B", 530, 0.302, 0.302, 0.302, "chowdhery-2022",
     "PaLM Table 3: MFU of MT-NLG's training on A100 GPUs"),
    ("opt-175b-a100", HW_A100, "OPT-175B", 175, 0.471, 0.471, 0.471, "zhang-2022",
     "'up to 147 TFLOP/s per GPU' on 992 A100 80GB / 312 TFLOP/s bf16 peak: the best sustained figure"),
    ("bloom-176b-a100", HW_A100, "BLOOM 176B", 176, 0.375, 0.375, 0.5, "bigscience-2022",
     "156 TFLOP/s per A100 80GB in the fastest configuration (0.50 of peak) as counted by Megatron-DeepSpeed "
     "with the recomputation pass; x 3/4 without it = 0.375"),
    ("megatron-1.7b-a100", HW_A100, "Megatron-LM 1.7B (GPT)", 1.7, 0.33, 0.33, 0.33, "narayanan-2021",
     "Table 1: 137 TFLOP/s per A100 (44% of peak) counted with recomputation; x 3/4 = 0.33"),
    ("megatron-1t-a100", HW_A100, "Megatron-LM 1T (GPT)", 1000, 0.39, 0.39, 0.39, "narayanan-2021",
     "Table 1: 163 TFLOP/s per A100 (52% of peak) on 3,072 GPUs counted with recomputation; x 3/4 = 0.39"),
    ("gopher-280b-tpuv3", HW_TPU_V3, "Gopher 280B", 280, 0.325, 0.325, 0.325, "chowdhery-2022",
     "PaLM Table 3: MFU of Gopher's training on TPU v3"),
    ("palm-540b-tpuv4", HW_TPU_V4, "PaLM 540B", 540, 0.462, 0.462, 0.462, "chowdhery-2022",
     "Table 3: 46.2% MFU (57.8% hardware FLOPs utilisation with rematerialisation) on 6,144 TPU v4"),
    ("llama3-405b-h100", HW_HOPPER, "Llama 3 405B", 405, 0.41, 0.38, 0.43, "dubey-2024",
     "Table 4: BF16 MFU 38% to 43% on 8,192 to 16,384 H100 across the pre-training configurations"),
]

# model, aliases, total params (billions), active params per token (billions), source_id, note
MOE_MODELS = [
    ("Mixtral 8x7B", "mixtral-8x7b", 46.7, 12.9, "mistral-2023-mixtral",
     "8 experts, 2 active per token: 47B parameters, 13B active"),
    ("Mixtral 8x22B", "mixtral-8x22b", 141, 39, "mistral-2024-8x22b", "141B parameters, 39B active"),
    ("DeepSeek-V2", "deepseek-v2", 236, 21, "deepseek-2024-v2", "236B total, 21B activated per token"),
    ("DeepSeek-V3", "deepseek-v3|deepseek-r1", 671, 37, "deepseek-2024-v3", "671B total, 37B activated per token"),
    ("Llama 4 Scout", "llama-4-scout", 109, 17, "meta-2025-llama4", "16 experts, 109B total, 17B active"),
    ("Llama 4 Maverick", "llama-4-maverick", 400, 17, "meta-2025-llama4", "128 experts, 400B total, 17B active"),
    ("GLaM", "glam-64b64e", 1200, 96.6, "du-2022-glam", "1.2T total, 96.6B activated per token"),
]
