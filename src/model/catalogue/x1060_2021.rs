//! The built-in catalogue `x1060-2021`: ITU-T X.1060 (06/2021) / JT-X1060 (2022).
//!
//! Static data, so nothing is parsed at start-up. `tests/catalogue.rs` checks it
//! field by field against `x1060-2021.json` (the project's reference data) beside this file.

use super::{CatalogueDef, CategoryDef, Criterion, EnNameSource, LevelDef, ServiceDef, Text};
use crate::model::{Level, Rating, Score};

pub(super) static X1060_2021: CatalogueDef = CatalogueDef {
    id: "x1060-2021",
    title: Text { ja: "JT-X1060 サイバーディフェンスセンターを構築・運用するためのフレームワーク", en: "ITU-T X.1060 (06/2021) Framework for the creation and operation of a cyber defence centre" },
    levels: &[
        LevelDef { level: Level::NotRequired, name: Text { ja: "不要", en: "Not required" }, meaning: Text { ja: "不要と判断されたサービス", en: "A service judged unnecessary" } },
        LevelDef { level: Level::Basic, name: Text { ja: "ベーシック", en: "Basic" }, meaning: Text { ja: "実装すべき最低限のサービス", en: "The minimum services that should be implemented" } },
        LevelDef { level: Level::Standard, name: Text { ja: "スタンダード", en: "Standard" }, meaning: Text { ja: "一般的に実装が推奨されているサービス", en: "Services generally recommended to implement" } },
        LevelDef { level: Level::Advanced, name: Text { ja: "アドバンスド", en: "Advanced" }, meaning: Text { ja: "高いレベルの CDC サイクルを実現する場合に要求されるサービス", en: "Services required to realise a high-level CDC cycle" } },
        LevelDef { level: Level::Optional, name: Text { ja: "オプション", en: "Optional" }, meaning: Text { ja: "想定される CDC の形態に応じて任意に選択されるサービス", en: "Services chosen at will, depending on the intended form of the CDC" } },
    ],
    insource_criteria: &[
        Criterion { score: Score::Rated(Rating::new_const(5)), text: Text { ja: "明文化された運用が CISO など権限ある組織長に承認されている", en: "The documented operation is approved by an authorised head such as the CISO" } },
        Criterion { score: Score::Rated(Rating::new_const(4)), text: Text { ja: "運用が明文化されており、担当者と交代して他者が業務を実施できる", en: "The operation is documented, and others can take over the work from the person in charge" } },
        Criterion { score: Score::Rated(Rating::new_const(3)), text: Text { ja: "運用が明文化されておらず、担当者に代わりに他者が臨時で一部の業務を代行できる", en: "The operation is not documented; others can temporarily cover part of the work for the person in charge" } },
        Criterion { score: Score::Rated(Rating::new_const(2)), text: Text { ja: "運用が明文化されておらず、担当者のみが業務を実施できる", en: "The operation is not documented; only the person in charge can do the work" } },
        Criterion { score: Score::Rated(Rating::new_const(1)), text: Text { ja: "実施できていない", en: "Not performed" } },
        Criterion { score: Score::NotApplicable, text: Text { ja: "インソースとしては実施しないと決めた", en: "Decided not to perform it in-house" } },
    ],
    outsource_criteria: &[
        Criterion { score: Score::Rated(Rating::new_const(5)), text: Text { ja: "サービス内容と得られる結果を理解でき、想定通り", en: "The service content and its results are understood, and are as expected" } },
        Criterion { score: Score::Rated(Rating::new_const(4)), text: Text { ja: "サービス内容と得られる結果を理解できているが、想定未満", en: "The service content and its results are understood, but fall short of expectations" } },
        Criterion { score: Score::Rated(Rating::new_const(3)), text: Text { ja: "サービス内容、得られる結果のいずれかが理解できていない", en: "Either the service content or its results are not understood" } },
        Criterion { score: Score::Rated(Rating::new_const(2)), text: Text { ja: "サービス内容と得られる結果を理解できていない", en: "Neither the service content nor its results are understood" } },
        Criterion { score: Score::Rated(Rating::new_const(1)), text: Text { ja: "結果や報告を確認できていない", en: "Results and reports are not checked" } },
        Criterion { score: Score::NotApplicable, text: Text { ja: "アウトソースとしては実施しないと決めた", en: "Decided not to have it performed by outsourcing" } },
    ],
    categories: &[
        CategoryDef { id: "A", name: Text { ja: "CDCの戦略マネジメント", en: "Strategic management of CDC" }, services: &[
            ServiceDef { id: "A-1", name: Text { ja: "リスクマネジメント", en: "Risk management" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-2", name: Text { ja: "リスクアセスメント", en: "Risk assessment" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-3", name: Text { ja: "ポリシーの企画立案", en: "Policy planning" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-4", name: Text { ja: "ポリシー管理", en: "Policy management" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-5", name: Text { ja: "事業継続性", en: "Business continuity" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-6", name: Text { ja: "事業影響度分析", en: "Business impact analysis" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-7", name: Text { ja: "リソース管理", en: "Resource management" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-8", name: Text { ja: "セキュリティアーキテクチャ設計", en: "Security architecture design" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-9", name: Text { ja: "トリアージ基準管理", en: "Triage criteria management" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-10", name: Text { ja: "対応策選定", en: "Counter measures selection" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-11", name: Text { ja: "品質管理", en: "Quality management" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-12", name: Text { ja: "セキュリティ監査", en: "Security audit" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "A-13", name: Text { ja: "認証", en: "Certification" }, en_source: EnNameSource::ItuToc },
        ] },
        CategoryDef { id: "B", name: Text { ja: "即時分析", en: "Real-time analysis" }, services: &[
            ServiceDef { id: "B-1", name: Text { ja: "リアルタイム監視", en: "Real time asset monitoring" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "B-2", name: Text { ja: "イベントデータ保管", en: "Event data retention" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "B-3", name: Text { ja: "通知・警告", en: "Alerting and warning" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "B-4", name: Text { ja: "レポート問い合わせ対応", en: "Handling enquiry on report" }, en_source: EnNameSource::ItuToc },
        ] },
        CategoryDef { id: "C", name: Text { ja: "深堀分析", en: "Deep analysis" }, services: &[
            ServiceDef { id: "C-1", name: Text { ja: "フォレンジック分析", en: "Forensic analysis" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "C-2", name: Text { ja: "検体解析", en: "Malware sample analysis" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "C-3", name: Text { ja: "追及・追跡", en: "Tracking and tracing" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "C-4", name: Text { ja: "証拠収集", en: "Forensic evidence collection" }, en_source: EnNameSource::ItuToc },
        ] },
        CategoryDef { id: "D", name: Text { ja: "インシデント対応", en: "Incident response" }, services: &[
            ServiceDef { id: "D-1", name: Text { ja: "インシデント報告受付", en: "Incident report acceptance" }, en_source: EnNameSource::ItuToc },
            ServiceDef { id: "D-2", name: Text { ja: "インシデントハンドリング", en: "Incident handling" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "D-3", name: Text { ja: "インシデント分類", en: "Incident classification" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "D-4", name: Text { ja: "インシデント対応・封じ込め", en: "Incident response and containment" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "D-5", name: Text { ja: "インシデント復旧", en: "Incident recovery" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "D-6", name: Text { ja: "インシデント通知", en: "Incident notification" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "D-7", name: Text { ja: "インシデント対応報告", en: "Incident response report" }, en_source: EnNameSource::Translation },
        ] },
        CategoryDef { id: "E", name: Text { ja: "診断と評価", en: "Checking and evaluating" }, services: &[
            ServiceDef { id: "E-1", name: Text { ja: "ネットワーク情報収集", en: "Network information collection" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-2", name: Text { ja: "資産棚卸", en: "Asset inventory" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-3", name: Text { ja: "脆弱性診断", en: "Vulnerability assessment" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-4", name: Text { ja: "パッチ管理", en: "Patch management" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-5", name: Text { ja: "ペネトレーションテスト", en: "Penetration test" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-6", name: Text { ja: "高度サイバー攻撃耐性評価", en: "Advanced cyber attack resilience assessment" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-7", name: Text { ja: "サイバー攻撃対応力評価", en: "Cyber attack response capability assessment" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-8", name: Text { ja: "ポリシー遵守", en: "Policy compliance" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "E-9", name: Text { ja: "堅牢化", en: "Hardening" }, en_source: EnNameSource::Translation },
        ] },
        CategoryDef { id: "F", name: Text { ja: "脅威情報の収集および分析と評価", en: "Collection, analysis and evaluation threat intelligence" }, services: &[
            ServiceDef { id: "F-1", name: Text { ja: "事後分析", en: "Post-incident analysis" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "F-2", name: Text { ja: "内部脅威情報の収集・分析", en: "Internal threat intelligence collection and analysis" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "F-3", name: Text { ja: "外部脅威情報の収集・評価", en: "External threat intelligence collection and evaluation" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "F-4", name: Text { ja: "脅威情報報告", en: "Threat intelligence report" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "F-5", name: Text { ja: "脅威情報の活用", en: "Threat intelligence utilization" }, en_source: EnNameSource::Translation },
        ] },
        CategoryDef { id: "G", name: Text { ja: "CDCプラットフォームの開発・保守", en: "Development and maintenance of CDC platforms" }, services: &[
            ServiceDef { id: "G-1", name: Text { ja: "セキュリティアーキテクチャ実装", en: "Security architecture implementation" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-2", name: Text { ja: "ネットワークセキュリティ製品基本運用", en: "Basic operation of network security products" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-3", name: Text { ja: "ネットワークセキュリティ製品高度運用", en: "Advanced operation of network security products" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-4", name: Text { ja: "エンドポイントセキュリティ製品基本運用", en: "Basic operation of endpoint security products" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-5", name: Text { ja: "エンドポイントセキュリティ製品高度運用", en: "Advanced operation of endpoint security products" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-6", name: Text { ja: "クラウドセキュリティ製品基本運用", en: "Basic operation of cloud security products" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-7", name: Text { ja: "クラウドセキュリティ製品高度運用", en: "Advanced operation of cloud security products" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-8", name: Text { ja: "深堀分析ツール運用", en: "Deep analysis tool operation" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-9", name: Text { ja: "分析基盤基本運用", en: "Basic operation of analysis platform" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-10", name: Text { ja: "分析基盤高度運用", en: "Advanced operation of analysis platform" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-11", name: Text { ja: "CDCシステム運用", en: "CDC system operation" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-12", name: Text { ja: "既設セキュリティツール検証", en: "Existing security tool verification" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "G-13", name: Text { ja: "新規セキュリティツール検証", en: "New security tool verification" }, en_source: EnNameSource::Translation },
        ] },
        CategoryDef { id: "H", name: Text { ja: "内部不正対応支援", en: "Support of internal fraud response" }, services: &[
            ServiceDef { id: "H-1", name: Text { ja: "内部不正対応・分析支援", en: "Internal fraud response and analysis support" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "H-2", name: Text { ja: "内部不正検知・再発防止支援", en: "Internal fraud detection and recurrence prevention support" }, en_source: EnNameSource::Translation },
        ] },
        CategoryDef { id: "I", name: Text { ja: "外部組織との積極的連携", en: "Active relationship with external parties" }, services: &[
            ServiceDef { id: "I-1", name: Text { ja: "意識啓発", en: "Awareness" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "I-2", name: Text { ja: "教育・トレーニング", en: "Education and training" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "I-3", name: Text { ja: "セキュリティコンサルティング", en: "Security consulting" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "I-4", name: Text { ja: "セキュリティベンダー連携", en: "Collaboration with security vendors" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "I-5", name: Text { ja: "セキュリティ関連団体との連携", en: "Collaboration with security-related organizations" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "I-6", name: Text { ja: "技術報告", en: "Technical reporting" }, en_source: EnNameSource::Translation },
            ServiceDef { id: "I-7", name: Text { ja: "幹部向けセキュリティ報告", en: "Security reporting to executives" }, en_source: EnNameSource::Translation },
        ] },
    ],
};
