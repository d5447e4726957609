<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>ArticleDocument</name>
    <message>
      <source>Untitled</source>
      <translation>제목 없음</translation>
    </message>
  </context>
  <context>
    <name>ArticleForm</name>
    <message>
      <source>Headline</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Headline (aim for 23 characters or fewer)</source>
      <translation>제목 (23자 이내 권장)</translation>
    </message>
    <message>
      <source>Subhead</source>
      <translation>부제</translation>
    </message>
    <message>
      <source>One to three lines under the headline</source>
      <translation>제목 아래 한두 줄(최대 세 줄)</translation>
    </message>
    <message>
      <source>Summary (share card and search)</source>
      <translation>요약 (공유 카드·검색)</translation>
    </message>
    <message>
      <source>A sentence or two shown when the link is shared</source>
      <translation>링크를 공유할 때 보이는 한두 문장</translation>
    </message>
    <message>
      <source>Lead image</source>
      <translation>대표 사진</translation>
    </message>
    <message>
      <source>Reporters</source>
      <translation>기자</translation>
    </message>
    <message>
      <source>Filing</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>작성 중</translation>
    </message>
    <message>
      <source>Ready for desk</source>
      <translation>데스크 검토 요청</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>승인</translation>
    </message>
    <message>
      <source>Tags, separated by commas</source>
      <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>섹션</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>태그</translation>
    </message>
    <message>
      <source>Headline (aim for {n} characters or fewer)</source>
      <translation>제목 ({n}자 이내 권장)</translation>
    </message>
    <message>
      <source>{n}/{target} chars · PC {desktop} line(s) · mobile {mobile} line(s)</source>
      <translation>{n}/{target}자 · PC {desktop}줄 · 모바일 {mobile}줄</translation>
    </message>
    <message>
      <source>{n} chars · {lines} line(s)</source>
      <translation>{n}자 · {lines}줄</translation>
    </message>
  </context>
  <context>
    <name>ArticleStatusBar</name>
    <message>
      <source>● Unsaved changes</source>
      <translation>● 저장하지 않은 변경</translation>
    </message>
    <message>
      <source>Not saved yet</source>
      <translation>아직 저장 안 함</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>저장됨</translation>
    </message>
    <message>
      <source>{with_spaces} chars · {without} without spaces</source>
      <translation>{with_spaces}자 · 공백 제외 {without}자</translation>
    </message>
    <message>
      <source>{pages} manuscript pages</source>
      <translation>원고지 {pages}매</translation>
    </message>
    <message>
      <source>{minutes} min read</source>
      <translation>읽는 시간 {minutes}분</translation>
    </message>
  </context>
  <context>
    <name>AuthorsEditor</name>
    <message>
      <source>+ Add reporter</source>
      <translation>+ 기자 추가</translation>
    </message>
    <message>
      <source>Name (e.g. 홍길동)</source>
      <translation>이름 (예: 홍길동)</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>Remove this reporter</source>
      <translation>이 기자 빼기</translation>
    </message>
  </context>
  <context>
    <name>BodyEditor</name>
    <message>
      <source>Formatting</source>
      <translation>서식</translation>
    </message>
    <message>
      <source>Bold</source>
      <translation>굵게</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>기울임</translation>
    </message>
    <message>
      <source>Heading</source>
      <translation>소제목</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>인용</translation>
    </message>
    <message>
      <source>Bulleted List</source>
      <translation>글머리 목록</translation>
    </message>
    <message>
      <source>Numbered List</source>
      <translation>번호 목록</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>링크</translation>
    </message>
    <message>
      <source>Image</source>
      <translation>사진</translation>
    </message>
    <message>
      <source>Image…</source>
      <translation>사진 넣기…</translation>
    </message>
    <message>
      <source>Horizontal Rule</source>
      <translation>구분선</translation>
    </message>
    <message>
      <source>link text</source>
      <translation>링크 글자</translation>
    </message>
    <message>
      <source>Image not added</source>
      <translation>사진을 넣지 못했습니다</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export Article</source>
      <translation>기사 내보내기</translation>
    </message>
    <message>
      <source>Markdown bundle (index.md + images)</source>
      <translation>마크다운 묶음 (index.md + 사진)</translation>
    </message>
    <message>
      <source>HTML bundle (page, styles, sized images)</source>
      <translation>HTML 묶음 (페이지, 스타일, 크기별 사진)</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>폴더</translation>
    </message>
    <message>
      <source>Zip file</source>
      <translation>Zip 파일</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>찾아보기…</translation>
    </message>
    <message>
      <source>Replace an earlier export of this article</source>
      <translation>이 기사의 이전 내보내기 덮어쓰기</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>내보내기</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>형식</translation>
    </message>
    <message>
      <source>Package as</source>
      <translation>묶는 방식</translation>
    </message>
    <message>
      <source>Destination</source>
      <translation>저장 위치</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>내보내기 실패</translation>
    </message>
  </context>
  <context>
    <name>LeadImagePanel</name>
    <message>
      <source>Choose…</source>
      <translation>선택…</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>붙여넣기</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Describe the photo for readers who cannot see it</source>
      <translation>사진을 볼 수 없는 독자를 위한 설명</translation>
    </message>
    <message>
      <source>▲ What the photo shows</source>
      <translation>▲ 사진 설명</translation>
    </message>
    <message>
      <source>e.g. 사진=세종시 제공</source>
      <translation>예: 사진=세종시 제공</translation>
    </message>
    <message>
      <source>Alt text</source>
      <translation>대체 텍스트</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>캡션</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>출처</translation>
    </message>
    <message>
      <source>Lead image not changed</source>
      <translation>대표 사진을 바꾸지 못했습니다</translation>
    </message>
    <message>
      <source>Paste image</source>
      <translation>사진 붙여넣기</translation>
    </message>
    <message>
      <source>The clipboard holds no image.</source>
      <translation>클립보드에 사진이 없습니다.</translation>
    </message>
    <message>
      <source>Replace…</source>
      <translation>바꾸기…</translation>
    </message>
    <message>
      <source>No lead image
Drop or paste a photo here</source>
      <translation>대표 사진 없음
사진을 끌어 놓거나 붙여넣으세요</translation>
    </message>
    <message>
      <source>Image missing:
{src}</source>
      <translation>사진 파일 없음:
{src}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Could not open the article</source>
      <translation>기사를 열지 못했습니다</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>미리보기</translation>
    </message>
    <message>
      <source>Could not save the article</source>
      <translation>기사를 저장하지 못했습니다</translation>
    </message>
    <message>
      <source>Saved {name}</source>
      <translation>{name} 저장함</translation>
    </message>
    <message>
      <source>Untitled article</source>
      <translation>제목 없는 기사</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About Article Editor</source>
      <translation>기사 편집기 정보(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;New</source>
      <translation>새 기사(&amp;N)</translation>
    </message>
    <message>
      <source>New &amp;Window</source>
      <translation>새 창(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>열기(&amp;O)…</translation>
    </message>
    <message>
      <source>Open Page &amp;Bundle Folder…</source>
      <translation>페이지 묶음 폴더 열기(&amp;B)…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>최근 기사(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>저장(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>닫기(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>편집(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>복사(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Format</source>
      <translation>서식(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>보기(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Desktop Layout</source>
      <translation>PC 화면(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Mobile Layout, {width} px</source>
      <translation>모바일 화면 {width}px(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Side by Side</source>
      <translation>나란히 보기(&amp;S)</translation>
    </message>
    <message>
      <source>No recent articles</source>
      <translation>최근 기사 없음</translation>
    </message>
    <message>
      <source>Clear List</source>
      <translation>목록 지우기</translation>
    </message>
    <message>
      <source>About Article Editor</source>
      <translation>기사 편집기 정보</translation>
    </message>
    <message>
      <source>Article Editor {version}

Write, preview and export articles for the site, offline.</source>
      <translation>기사 편집기 {version}

인터넷 연결 없이 기사를 쓰고, 사이트 모습으로 미리 보고, 내보냅니다.</translation>
    </message>
    <message>
      <source>Autosave failed: {reason}</source>
      <translation>자동 저장 실패: {reason}</translation>
    </message>
  </context>
  <context>
    <name>MarkdownTextEdit</name>
    <message>
      <source>Write the article body in Markdown…</source>
      <translation>본문을 마크다운으로 쓰세요…</translation>
    </message>
  </context>
  <context>
    <name>PreviewPane</name>
    <message>
      <source>Share card</source>
      <translation>공유 카드</translation>
    </message>
  </context>
  <context>
    <name>ShareCard</name>
    <message>
      <source>(no headline)</source>
      <translation>(제목 없음)</translation>
    </message>
    <message>
      <source>No image</source>
      <translation>사진 없음</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>The article “{name}” has unsaved changes. Save them first?</source>
      <translation>“{name}” 기사에 저장하지 않은 변경이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>저장하지 않은 변경</translation>
    </message>
    <message>
      <source>The export was written to:
{folder}

Open the folder?</source>
      <translation>다음 위치로 내보냈습니다:
{folder}

폴더를 열까요?</translation>
    </message>
    <message>
      <source>Export finished</source>
      <translation>내보내기 완료</translation>
    </message>
    <message>
      <source>Articles (*.article *.md *.markdown);;All files (*)</source>
      <translation>기사 (*.article *.md *.markdown);;모든 파일 (*)</translation>
    </message>
    <message>
      <source>Open Article</source>
      <translation>기사 열기</translation>
    </message>
    <message>
      <source>Open Page Bundle Folder</source>
      <translation>페이지 묶음 폴더 열기</translation>
    </message>
    <message>
      <source>Article document (*.article);;Markdown page (*.md)</source>
      <translation>기사 문서 (*.article);;마크다운 페이지 (*.md)</translation>
    </message>
    <message>
      <source>Save Article As</source>
      <translation>다른 이름으로 저장</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.gif *.webp)</source>
      <translation>사진 (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
      <source>Choose Image</source>
      <translation>사진 선택</translation>
    </message>
    <message>
      <source>Export To</source>
      <translation>내보낼 위치</translation>
    </message>
    <message>
      <source>The document was refused because it looks unsafe.</source>
      <translation>안전하지 않아 보여 문서를 열지 않았습니다.</translation>
    </message>
    <message>
      <source>The document could not be read or written.</source>
      <translation>문서를 읽거나 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The image cannot be used.</source>
      <translation>이 사진은 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The export could not be written.</source>
      <translation>내보내기 파일을 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The site profile is missing or broken.</source>
      <translation>사이트 설정이 없거나 손상되었습니다.</translation>
    </message>
    <message>
      <source>The file system refused the operation.</source>
      <translation>파일 시스템이 작업을 거부했습니다.</translation>
    </message>
    <message>
      <source>Something went wrong.</source>
      <translation>문제가 생겼습니다.</translation>
    </message>
    <message>
      <source>Another program changed “{name}” while it was open here.</source>
      <translation>이 앱에서 “{name}”을(를) 여는 동안 다른 프로그램이 파일을 바꿨습니다.</translation>
    </message>
    <message>
      <source>Keep Editing</source>
      <translation>계속 편집</translation>
    </message>
    <message>
      <source>Open Anyway</source>
      <translation>그래도 열기</translation>
    </message>
    <message>
      <source>Overwrite</source>
      <translation>덮어쓰기</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>다시 불러오기</translation>
    </message>
    <message>
      <source>Reload it and lose the changes made here, or keep editing?</source>
      <translation>다시 불러오면 여기서 고친 내용이 사라집니다. 다시 불러올까요, 계속 편집할까요?</translation>
    </message>
    <message>
      <source>Reload it, or keep the version shown here?</source>
      <translation>다시 불러올까요, 지금 보이는 판을 유지할까요?</translation>
    </message>
    <message>
      <source>Save As…</source>
      <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
      <source>The article is open elsewhere</source>
      <translation>다른 곳에서 열려 있는 기사</translation>
    </message>
    <message>
      <source>The file changed on disk</source>
      <translation>디스크의 파일이 바뀜</translation>
    </message>
    <message>
      <source>The file is gone</source>
      <translation>파일이 사라짐</translation>
    </message>
    <message>
      <source>The file was changed by another program</source>
      <translation>다른 프로그램이 파일을 바꿈</translation>
    </message>
    <message>
      <source>The file “{name}” was changed by another program since you opened it. Overwrite it with your version, save yours under another name, or cancel?</source>
      <translation>“{name}” 파일을 연 뒤 다른 프로그램이 파일을 바꿨습니다. 내 판으로 덮어쓸까요, 다른 이름으로 저장할까요, 취소할까요?</translation>
    </message>
    <message>
      <source>“{name}” is already open on {host} (user {user}, since {since}). If you both edit it, one of you will overwrite the other's work. Open it anyway?</source>
      <translation>“{name}”은(는) 이미 {host}에서 열려 있습니다(사용자 {user}, {since}부터). 둘 다 고치면 한쪽이 다른 쪽 작업을 덮어씁니다. 그래도 열까요?</translation>
    </message>
    <message>
      <source>“{name}” was removed or renamed by another program. Your text is still here; saving writes the file again.</source>
      <translation>다른 프로그램이 “{name}”을(를) 지우거나 이름을 바꿨습니다. 글은 그대로 남아 있으며, 저장하면 파일을 다시 씁니다.</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>The file does not exist.</source>
      <translation>파일이 없습니다.</translation>
    </message>
    <message>
      <source>This is a folder, not a file.</source>
      <translation>파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
      <source>There is no permission to read this file.</source>
      <translation>이 파일을 읽을 권한이 없습니다.</translation>
    </message>
    <message>
      <source>The folder has no index.md, so it is not a page bundle.</source>
      <translation>폴더에 index.md가 없어 페이지 묶음이 아닙니다.</translation>
    </message>
    <message>
      <source>The file is not an image, or it is damaged.</source>
      <translation>사진 파일이 아니거나 손상되었습니다.</translation>
    </message>
    <message>
      <source>The document is nested too deeply to read.</source>
      <translation>문서 구조가 너무 깊어 읽을 수 없습니다.</translation>
    </message>
    <message>
      <source>The folder holds too many files.</source>
      <translation>폴더에 파일이 너무 많습니다.</translation>
    </message>
    <message>
      <source>The folder holds more than 1 GiB.</source>
      <translation>폴더 크기가 1GiB를 넘습니다.</translation>
    </message>
    <message>
      <source>The disk is full; nothing was changed.</source>
      <translation>디스크가 가득 찼습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>There is no permission to write here; nothing was changed.</source>
      <translation>이곳에 쓸 권한이 없습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>The file was changed by another program since it was opened.</source>
      <translation>파일을 연 뒤 다른 프로그램이 파일을 바꿨습니다.</translation>
    </message>
    <message>
      <source>The draft could not be read.</source>
      <translation>임시 저장본을 읽을 수 없습니다.</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message>
      <source>Recover Unsaved Articles</source>
      <translation>저장하지 못한 기사 복구</translation>
    </message>
    <message>
      <source>Article Editor closed before these articles were saved. Restore them to keep working, or discard them.</source>
      <translation>기사 편집기가 이 기사들을 저장하기 전에 닫혔습니다. 복구해서 이어 쓰거나 버리세요.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>복구</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>버리기</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>나중에</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Last autosaved</source>
      <translation>마지막 자동 저장</translation>
    </message>
    <message>
      <source>File</source>
      <translation>파일</translation>
    </message>
    <message>
      <source>Untitled article</source>
      <translation>제목 없는 기사</translation>
    </message>
    <message>
      <source>Never saved</source>
      <translation>저장한 적 없음</translation>
    </message>
    <message>
      <source>Could not restore the draft</source>
      <translation>임시 저장본을 복구할 수 없습니다</translation>
    </message>
  </context>
</TS>