package dev.aicostadvisor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of the decision flowchart: every decision and every outcome node, in flowchart order.
 *
 * <p>Node ids are the contract between the rules, the reports, the scenario fixtures and the JSON output.
 * The rules decide which nodes a scenario reaches; this catalogue supplies each node's phase, title and
 * text, and the order in which reports list them. Band thresholds are not repeated here: they live in the
 * rules, and each recommendation's rationale states the values that decided it.
 */
public final class Flowchart {

    private static final Map<String, Decision> DECISIONS = new LinkedHashMap<>();
    private static final Map<String, FlowchartNode> NODES = new LinkedHashMap<>();

    static {
        Phase p = Phase.PHASE_1;
        decision("Q1", p, "What is your AI maturity level?", DecisionKind.BANDS, "org.aiMaturityMonths",
                node("POC_Track", "POC track",
                        "Proof of concept or exploration. Assess budget and technical capability for a first, small use case."),
                node("Prod_Track", "Production track",
                        "Production ready. Assess budget and technical capability for running AI in production."),
                node("Scale_Track", "Enterprise track",
                        "Enterprise scale. Assess budget and technical capability across many use cases."));
        decision("Q2", p, "Monthly AI budget?", DecisionKind.BANDS, "budget.monthlyUsd",
                node("SmallBudget", "Small budget: constraint level",
                        "The budget constrains the options: prefer services that need no up-front commitment."),
                node("MedBudget", "Medium budget: flexibility level",
                        "The budget gives flexibility to weigh managed services against cloud-hosted models."),
                node("LargeBudget", "Large budget: full options level",
                        "The budget keeps every deployment option open, including running models yourself."));
        decision("Q3", p, "Technical expertise available?", DecisionKind.BANDS, "org.aiEngineers",
                node("LimitedTech", "Limited technical capability",
                        "Too few AI engineers to run models or infrastructure yourself."),
                node("ModerateTech", "Moderate technical capability",
                        "Enough AI engineers to integrate and tune managed models, but not to run a full platform."),
                node("AdvancedTech", "Advanced technical capability",
                        "Enough AI engineers to run models and GPU infrastructure yourself."));
        decision("DeploymentRec", p, "Recommended deployment model", DecisionKind.SINGLE_CHOICE, null,
                node("Vendor1", "Third-party closed source recommended",
                        "Use a third-party closed-source model through its API; the vendor runs everything."),
                node("Vendor2", "Third-party open source or cloud provider: evaluate both",
                        "Evaluate third-party open-source models against a cloud provider's managed models."),
                node("DIY", "DIY on a cloud provider: full control recommended",
                        "Host and run models yourself on a cloud provider, with full control."));

        p = Phase.PHASE_2;
        decision("Q4", p, "Data privacy requirements?", DecisionKind.SINGLE_CHOICE, "workload.dataSensitivity",
                node("Public", "Public cloud services",
                        "Low-sensitivity data: third-party APIs on shared infrastructure are acceptable."),
                node("Moderate", "Cloud provider hosted",
                        "Moderately sensitive or regulated data: a cloud provider's hosted models with dedicated tenancy and regional controls."),
                node("Private", "Private deployment",
                        "Highly sensitive data under strict compliance: a private deployment with full data control, on premises if needed."));
        decision("TB1", p, "What is the primary business driver?", DecisionKind.SINGLE_CHOICE, "workload.businessDriver",
                node("SpeedFirst", "Performance priority",
                        "Speed to market comes first: accept 20-40% higher costs for premium models and infrastructure."),
                node("CostFirst", "Cost priority",
                        "Cost containment comes first: accept a 15-30% performance trade-off and optimise aggressively."),
                node("ValueFirst", "Business impact priority",
                        "Business value comes first: balance cost and performance, and measure ROI per use case."));
        decision("FinalDeploy", p, "Final deployment selection", DecisionKind.SINGLE_CHOICE, null,
                node("Deploy1", "OpenAI, Anthropic or Google: premium tier",
                        "Premium tier of OpenAI, Anthropic or Google, on provisioned capacity."),
                node("Deploy2", "OpenAI or Anthropic: standard tier",
                        "Standard tier of OpenAI or Anthropic, on-demand, with cost optimisation."),
                node("Deploy3", "Multi-provider strategy",
                        "Several providers, with requests routed by use case, on mixed capacity."),
                node("Deploy4", "AWS Bedrock or Azure OpenAI: provisioned throughput",
                        "AWS Bedrock or Azure OpenAI with provisioned throughput and premium models."),
                node("Deploy5", "AWS Bedrock or Azure OpenAI: on-demand",
                        "AWS Bedrock or Azure OpenAI on-demand, with smaller models and RAG."),
                node("Deploy6", "AWS Bedrock or Azure OpenAI: mixed capacity",
                        "AWS Bedrock or Azure OpenAI on mixed capacity, with multi-model routing."),
                node("Deploy7", "SageMaker or Vertex AI: reserved GPU capacity",
                        "SageMaker or Vertex AI on reserved GPU capacity, with the latest model versions."),
                node("Deploy8", "SageMaker or Vertex AI: spot instances",
                        "SageMaker or Vertex AI on spot instances, with optimised models."),
                node("Deploy9", "SageMaker or Vertex AI: hybrid capacity",
                        "SageMaker or Vertex AI on hybrid capacity, with custom fine-tuning."));
        decision("TB2", p, "Performance requirements?", DecisionKind.BANDS, "workload.latencyTargetMs",
                node("RealTime", "Real-time inference",
                        "Real-time critical: provisioned capacity on premium GPU instances. Cost high, performance maximum."),
                node("Interactive", "Balanced approach",
                        "Interactive: mixed capacity on mid-tier GPUs. Cost medium, performance high."),
                node("Batch", "Batch processing",
                        "Batch acceptable: spot instances on cost-optimised GPUs. Cost low, performance adequate."));
        decision("TB3", p, "Business impact measurement?", DecisionKind.SINGLE_CHOICE, "workload.impact",
                node("Revenue", "Optimise for quality",
                        "Revenue-generating and customer-facing: aim for 30-50% better outcomes, track revenue per 1 USD of AI spend, and accept higher costs for impact."),
                node("Productivity", "Optimise for efficiency",
                        "Internal productivity: track time saved per 1 USD spent, balance cost against the gain, and target an ROI of at least 3:1."),
                node("Experiment", "Optimise for learning",
                        "Experimental: minimise costs, track insights per 1 USD spent, and use the smallest viable models."));
        decision("Q5", p, "Expected token volume per month?", DecisionKind.BANDS, "workload.tokensPerMonth",
                node("OnDemand", "On-demand pricing",
                        "On-demand pricing on shared capacity. Trade-off: flexibility against cost."),
                node("Mixed", "Mixed capacity",
                        "60% provisioned and 40% on-demand. Trade-off: commitment against agility."),
                node("Provisioned", "Provisioned capacity",
                        "Provisioned capacity on an annual commitment. Trade-off: discount against lock-in."));

        p = Phase.PHASE_3;
        decision("MS1", p, "Model selection trade-offs", DecisionKind.ANY_OF, "workload.queryMix",
                node("LargeModel", "Large models (70B+) for complex reasoning",
                        "Large models cost 5-20x more for maximum performance: route only the complex queries to them, about 20% of traffic."),
                node("MediumModel", "Medium models (7-70B) for balanced requirements",
                        "Medium models balance cost and performance for most use cases, about 60% of queries."),
                node("SmallModel", "Small models (1-7B) for simple, high-volume tasks",
                        "Small models cost the least with adequate performance, about 20% of queries, for a 40-70% cost reduction."));
        decision("INF1", p, "Inference techniques", DecisionKind.ANY_OF, null,
                node("RAG", "Implement RAG",
                        "Retrieval-augmented generation lets 5-10x smaller models answer with better accuracy; inference is 80-90% of total spend."),
                node("Routing", "Prompt routing",
                        "Match each query's complexity to a model: 40-70% cost reduction and 4-20x token savings."),
                node("Cache", "Prompt caching",
                        "Cache repeated prompts for high-volume patterns: 20-40% cost reduction and instant responses."),
                node("TokenOpt", "Token optimisation",
                        "Compress prompts and manage context: 20-40% fewer tokens."));
        decision("GPU1", p, "GPU utilisation, current state?", DecisionKind.BANDS, "gpuFleet.utilizationPercent",
                node("LowUtil", "Critical waste",
                        "Low utilisation, where 70-85% waste is typical: implement GPU pooling, multi-tenancy and dynamic scaling, targeting 90%+ utilisation."),
                node("MedUtil", "Optimise scheduling",
                        "Moderate efficiency: optimise scheduling and workload distribution, offload 20-35% to CPUs, and target 95%+ utilisation."),
                node("HighUtil", "Monitor saturation",
                        "Good efficiency: monitor saturation, track wattage against utilisation, set auto-scaling policies and keep performance SLAs."));
        decision("WL1", p, "Workload pattern?", DecisionKind.SINGLE_CHOICE, "workload.pattern",
                node("Constant", "Reserved capacity and savings plans",
                        "Constant 24/7 load: cover 70-80% with reserved capacity or savings plans and keep a 20-30% on-demand buffer. Trade-off: discount against flexibility."),
                node("Peak", "Schedule-based scaling",
                        "Predictable peaks: a 50% reserved base with 50% spot or on-demand, scaled on a schedule. Trade-off: cost against availability."),
                node("Variable", "Spot and on-demand",
                        "Highly variable load: 60% spot instances and 40% on-demand, with no long commitments. Trade-off: savings against stability."));

        p = Phase.PHASE_4;
        decision("G_Budget", p, "Budget and forecasting governance", DecisionKind.FOLLOW_UP, null,
                node("Budget1", "Budget alerts",
                        "Alert at 80% of the monthly budget, with real-time notifications and automated throttling options."),
                node("Budget2", "Weekly forecast reviews",
                        "Review the forecast weekly with a variance tolerance of 5% either way, rolling 13-week projections and scenario planning."));
        decision("G_Metrics", p, "Metrics and KPI tracking", DecisionKind.FOLLOW_UP, null,
                node("Metrics1", "Cost, performance and impact metrics",
                        "Track cost per 100K tokens, latency SLAs by use case and business value per 1 USD spent."),
                node("Metrics2", "GPU efficiency metrics",
                        "Track GPU utilisation against a 90%+ target, wattage against compute, and cost per GPU hour."),
                node("Metrics3", "Model performance metrics",
                        "Track accuracy and quality scores, token efficiency ratios and cache hit rates."));
        decision("G_Collab", p, "Cross-functional collaboration", DecisionKind.FOLLOW_UP, null,
                node("Collab1", "Finance, engineering and business together",
                        "Hold joint optimisation sessions with shared dashboards and unified reporting."),
                node("Collab2", "Recognition programs",
                        "Reward cost-efficient implementations and innovation, and share best practice."));
        decision("G_Optimize", p, "Continuous optimisation process", DecisionKind.FOLLOW_UP, null,
                node("Opt1", "Monthly optimisation reviews",
                        "Target a 15-25% reduction each month against a 30-200x optimisation potential, benchmarked against the industry."),
                node("Opt2", "Quarterly strategic reviews",
                        "Align with the technology roadmap, analyse pricing trends and negotiate with vendors."));
        decision("G_Advanced", p, "Advanced techniques", DecisionKind.FOLLOW_UP, null,
                node("Adv1", "Quantization",
                        "INT8 or INT4 precision: 2-4x less memory with minimal accuracy impact."),
                node("Adv2", "Model distillation",
                        "Transfer knowledge to smaller models for 70-90% of the benefit of fine-tuning; try prompt engineering first."),
                node("Adv3", "Infrastructure optimisation",
                        "Reduce network latency, tier storage and tune the vector database."));

        p = Phase.SUCCESS;
        decision("Success", p, "Success metrics achieved?", DecisionKind.ANY_OF, null,
                node("Optimize1", "Cost above target: review the deployment model",
                        "Review the deployment model, implement prompt routing and consider a smaller model. Expected: 40-70% savings."),
                node("Optimize2", "Performance below SLA: add capacity",
                        "Upgrade to a larger model, increase provisioned capacity and optimise network and storage. Trade-off: accept 20-40% higher cost."),
                node("Optimize3", "Business impact low: reassess the use case",
                        "Reassess the use case's value, improve prompt engineering, consider discontinuing it and focus on high-impact applications."),
                node("Optimize4", "GPU waste: pool and scale",
                        "Implement GPU pooling, dynamic scaling and multi-tenancy. Expected: 40-70% cost reduction."),
                node("Monitor", "All metrics met: continue monitoring",
                        "Continue monitoring with quarterly strategic reviews, track pricing trends and keep the 30-50% better outcomes."));
        decision("Loop", p, "What happens next", DecisionKind.FOLLOW_UP, null,
                node("Iterate", "Iterate and reassess",
                        "Apply the optimisations, then reassess from Phase 2, balancing cost, performance and impact."),
                node("End", "Ongoing FinOps management",
                        "Keep managing spend as ongoing FinOps, with an explicit balance of cost, performance and impact."));
    }

    private Flowchart() {
    }

    /** Returns every decision, in flowchart order. */
    public static List<Decision> decisions() {
        return List.copyOf(DECISIONS.values());
    }

    /** Returns every outcome node, in flowchart order. */
    public static List<FlowchartNode> nodes() {
        return List.copyOf(NODES.values());
    }

    public static Optional<FlowchartNode> findNode(String id) {
        return Optional.ofNullable(NODES.get(id));
    }

    /** Returns the node with this id, or throws an error that lists the known ids. */
    public static FlowchartNode node(String id) {
        FlowchartNode node = NODES.get(id);
        if (node == null) {
            throw new IllegalArgumentException("unknown flowchart node '" + id + "'; known nodes: " + String.join(", ", NODES.keySet()));
        }
        return node;
    }

    public static Optional<Decision> findDecision(String id) {
        return Optional.ofNullable(DECISIONS.get(id));
    }

    private record NodeText(String id, String title, String detail) {
    }

    private static NodeText node(String id, String title, String detail) {
        return new NodeText(id, title, detail);
    }

    private static void decision(String id, Phase phase, String question, DecisionKind kind, String input, NodeText... outcomes) {
        List<String> ids = new ArrayList<>();
        for (NodeText text : outcomes) {
            NODES.put(text.id(), new FlowchartNode(text.id(), id, phase, text.title(), text.detail(), NODES.size()));
            ids.add(text.id());
        }
        DECISIONS.put(id, new Decision(id, phase, question, kind, Collections.unmodifiableList(ids), input));
    }
}
