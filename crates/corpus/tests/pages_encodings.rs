//! Saved pages in legacy encodings beyond `charset.rs`'s tables, read
//! natively with `encoding_rs` (feature `encodings`).
#![cfg(feature = "encodings")]

use crossread_corpus::{ingest, Problem};

const CHINESE: &str = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>大桥重新开放</title></head><body><article><h1>大桥重新开放</h1><p>市政府星期一宣布，经过三个月的维修，连接两岸的大桥将于本周末重新开放，届时公交线路也将恢复正常运行。</p><p>负责工程的官员说，维修费用低于预算，工人们在春节前完成了全部工作。</p></article></body></html>";

#[test]
fn a_gb2312_page_gives_its_chinese_article() {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(CHINESE);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err());
    let document = ingest("bridge.html", &bytes, None).unwrap();
    assert_eq!(document.headline, "大桥重新开放");
    assert!(document.paragraphs[0].starts_with("市政府星期一宣布"));
}

#[test]
fn a_shift_jis_page_gives_its_japanese_article() {
    let page = "<html><head><meta charset=\"Shift_JIS\"></head><body><article><h1>橋が再開へ</h1><p>市は月曜日、三か月の補修工事を終えた橋を今週末に再開すると発表し、バスの運行も元に戻ると説明した。</p><p>担当者によると、工事費は予算を下回ったという。</p></article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(page);
    assert!(!unmappable);
    let document = ingest("bridge.html", &bytes, None).unwrap();
    assert_eq!(document.headline, "橋が再開へ");
    assert!(document.paragraphs[0].starts_with("市は月曜日"));
}

#[test]
fn an_undeclared_or_unknown_legacy_page_is_still_refused() {
    let unknown = CHINESE.replace("gb2312", "x-unknown");
    let (bytes, _, _) = encoding_rs::GBK.encode(&unknown);
    let refused = ingest("bridge.html", &bytes, None).unwrap_err();
    assert!(matches!(refused.problem, Problem::NotUtf8 { .. }));
    let undeclared = CHINESE.replace("; charset=gb2312", "");
    let (bytes, _, _) = encoding_rs::GBK.encode(&undeclared);
    let refused = ingest("bridge.html", &bytes, None).unwrap_err();
    assert!(matches!(refused.problem, Problem::NotUtf8 { .. }));
}
