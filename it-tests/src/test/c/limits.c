/* As many arguments as the platform's linker takes: 252 of 4 bytes, 126 of 8 bytes. Each is weighted by its
 * position, so that a test sees every argument arrive in its place. */
#include <stdint.h>

int64_t lim_i32(
        int32_t a0, int32_t a1, int32_t a2, int32_t a3, int32_t a4, int32_t a5, int32_t a6, int32_t a7,
        int32_t a8, int32_t a9, int32_t a10, int32_t a11, int32_t a12, int32_t a13, int32_t a14, int32_t a15,
        int32_t a16, int32_t a17, int32_t a18, int32_t a19, int32_t a20, int32_t a21, int32_t a22, int32_t a23,
        int32_t a24, int32_t a25, int32_t a26, int32_t a27, int32_t a28, int32_t a29, int32_t a30, int32_t a31,
        int32_t a32, int32_t a33, int32_t a34, int32_t a35, int32_t a36, int32_t a37, int32_t a38, int32_t a39,
        int32_t a40, int32_t a41, int32_t a42, int32_t a43, int32_t a44, int32_t a45, int32_t a46, int32_t a47,
        int32_t a48, int32_t a49, int32_t a50, int32_t a51, int32_t a52, int32_t a53, int32_t a54, int32_t a55,
        int32_t a56, int32_t a57, int32_t a58, int32_t a59, int32_t a60, int32_t a61, int32_t a62, int32_t a63,
        int32_t a64, int32_t a65, int32_t a66, int32_t a67, int32_t a68, int32_t a69, int32_t a70, int32_t a71,
        int32_t a72, int32_t a73, int32_t a74, int32_t a75, int32_t a76, int32_t a77, int32_t a78, int32_t a79,
        int32_t a80, int32_t a81, int32_t a82, int32_t a83, int32_t a84, int32_t a85, int32_t a86, int32_t a87,
        int32_t a88, int32_t a89, int32_t a90, int32_t a91, int32_t a92, int32_t a93, int32_t a94, int32_t a95,
        int32_t a96, int32_t a97, int32_t a98, int32_t a99, int32_t a100, int32_t a101, int32_t a102, int32_t a103,
        int32_t a104, int32_t a105, int32_t a106, int32_t a107, int32_t a108, int32_t a109, int32_t a110, int32_t a111,
        int32_t a112, int32_t a113, int32_t a114, int32_t a115, int32_t a116, int32_t a117, int32_t a118, int32_t a119,
        int32_t a120, int32_t a121, int32_t a122, int32_t a123, int32_t a124, int32_t a125, int32_t a126, int32_t a127,
        int32_t a128, int32_t a129, int32_t a130, int32_t a131, int32_t a132, int32_t a133, int32_t a134, int32_t a135,
        int32_t a136, int32_t a137, int32_t a138, int32_t a139, int32_t a140, int32_t a141, int32_t a142, int32_t a143,
        int32_t a144, int32_t a145, int32_t a146, int32_t a147, int32_t a148, int32_t a149, int32_t a150, int32_t a151,
        int32_t a152, int32_t a153, int32_t a154, int32_t a155, int32_t a156, int32_t a157, int32_t a158, int32_t a159,
        int32_t a160, int32_t a161, int32_t a162, int32_t a163, int32_t a164, int32_t a165, int32_t a166, int32_t a167,
        int32_t a168, int32_t a169, int32_t a170, int32_t a171, int32_t a172, int32_t a173, int32_t a174, int32_t a175,
        int32_t a176, int32_t a177, int32_t a178, int32_t a179, int32_t a180, int32_t a181, int32_t a182, int32_t a183,
        int32_t a184, int32_t a185, int32_t a186, int32_t a187, int32_t a188, int32_t a189, int32_t a190, int32_t a191,
        int32_t a192, int32_t a193, int32_t a194, int32_t a195, int32_t a196, int32_t a197, int32_t a198, int32_t a199,
        int32_t a200, int32_t a201, int32_t a202, int32_t a203, int32_t a204, int32_t a205, int32_t a206, int32_t a207,
        int32_t a208, int32_t a209, int32_t a210, int32_t a211, int32_t a212, int32_t a213, int32_t a214, int32_t a215,
        int32_t a216, int32_t a217, int32_t a218, int32_t a219, int32_t a220, int32_t a221, int32_t a222, int32_t a223,
        int32_t a224, int32_t a225, int32_t a226, int32_t a227, int32_t a228, int32_t a229, int32_t a230, int32_t a231,
        int32_t a232, int32_t a233, int32_t a234, int32_t a235, int32_t a236, int32_t a237, int32_t a238, int32_t a239,
        int32_t a240, int32_t a241, int32_t a242, int32_t a243, int32_t a244, int32_t a245, int32_t a246, int32_t a247,
        int32_t a248, int32_t a249, int32_t a250, int32_t a251) {
    return (int64_t) 1 * a0 + (int64_t) 2 * a1 + (int64_t) 3 * a2 + (int64_t) 4 * a3 + (int64_t) 5 * a4 + (int64_t) 6 * a5
        + (int64_t) 7 * a6 + (int64_t) 8 * a7 + (int64_t) 9 * a8 + (int64_t) 10 * a9 + (int64_t) 11 * a10 + (int64_t) 12 * a11
        + (int64_t) 13 * a12 + (int64_t) 14 * a13 + (int64_t) 15 * a14 + (int64_t) 16 * a15 + (int64_t) 17 * a16 + (int64_t) 18 * a17
        + (int64_t) 19 * a18 + (int64_t) 20 * a19 + (int64_t) 21 * a20 + (int64_t) 22 * a21 + (int64_t) 23 * a22 + (int64_t) 24 * a23
        + (int64_t) 25 * a24 + (int64_t) 26 * a25 + (int64_t) 27 * a26 + (int64_t) 28 * a27 + (int64_t) 29 * a28 + (int64_t) 30 * a29
        + (int64_t) 31 * a30 + (int64_t) 32 * a31 + (int64_t) 33 * a32 + (int64_t) 34 * a33 + (int64_t) 35 * a34 + (int64_t) 36 * a35
        + (int64_t) 37 * a36 + (int64_t) 38 * a37 + (int64_t) 39 * a38 + (int64_t) 40 * a39 + (int64_t) 41 * a40 + (int64_t) 42 * a41
        + (int64_t) 43 * a42 + (int64_t) 44 * a43 + (int64_t) 45 * a44 + (int64_t) 46 * a45 + (int64_t) 47 * a46 + (int64_t) 48 * a47
        + (int64_t) 49 * a48 + (int64_t) 50 * a49 + (int64_t) 51 * a50 + (int64_t) 52 * a51 + (int64_t) 53 * a52 + (int64_t) 54 * a53
        + (int64_t) 55 * a54 + (int64_t) 56 * a55 + (int64_t) 57 * a56 + (int64_t) 58 * a57 + (int64_t) 59 * a58 + (int64_t) 60 * a59
        + (int64_t) 61 * a60 + (int64_t) 62 * a61 + (int64_t) 63 * a62 + (int64_t) 64 * a63 + (int64_t) 65 * a64 + (int64_t) 66 * a65
        + (int64_t) 67 * a66 + (int64_t) 68 * a67 + (int64_t) 69 * a68 + (int64_t) 70 * a69 + (int64_t) 71 * a70 + (int64_t) 72 * a71
        + (int64_t) 73 * a72 + (int64_t) 74 * a73 + (int64_t) 75 * a74 + (int64_t) 76 * a75 + (int64_t) 77 * a76 + (int64_t) 78 * a77
        + (int64_t) 79 * a78 + (int64_t) 80 * a79 + (int64_t) 81 * a80 + (int64_t) 82 * a81 + (int64_t) 83 * a82 + (int64_t) 84 * a83
        + (int64_t) 85 * a84 + (int64_t) 86 * a85 + (int64_t) 87 * a86 + (int64_t) 88 * a87 + (int64_t) 89 * a88 + (int64_t) 90 * a89
        + (int64_t) 91 * a90 + (int64_t) 92 * a91 + (int64_t) 93 * a92 + (int64_t) 94 * a93 + (int64_t) 95 * a94 + (int64_t) 96 * a95
        + (int64_t) 97 * a96 + (int64_t) 98 * a97 + (int64_t) 99 * a98 + (int64_t) 100 * a99 + (int64_t) 101 * a100 + (int64_t) 102 * a101
        + (int64_t) 103 * a102 + (int64_t) 104 * a103 + (int64_t) 105 * a104 + (int64_t) 106 * a105 + (int64_t) 107 * a106 + (int64_t) 108 * a107
        + (int64_t) 109 * a108 + (int64_t) 110 * a109 + (int64_t) 111 * a110 + (int64_t) 112 * a111 + (int64_t) 113 * a112 + (int64_t) 114 * a113
        + (int64_t) 115 * a114 + (int64_t) 116 * a115 + (int64_t) 117 * a116 + (int64_t) 118 * a117 + (int64_t) 119 * a118 + (int64_t) 120 * a119
        + (int64_t) 121 * a120 + (int64_t) 122 * a121 + (int64_t) 123 * a122 + (int64_t) 124 * a123 + (int64_t) 125 * a124 + (int64_t) 126 * a125
        + (int64_t) 127 * a126 + (int64_t) 128 * a127 + (int64_t) 129 * a128 + (int64_t) 130 * a129 + (int64_t) 131 * a130 + (int64_t) 132 * a131
        + (int64_t) 133 * a132 + (int64_t) 134 * a133 + (int64_t) 135 * a134 + (int64_t) 136 * a135 + (int64_t) 137 * a136 + (int64_t) 138 * a137
        + (int64_t) 139 * a138 + (int64_t) 140 * a139 + (int64_t) 141 * a140 + (int64_t) 142 * a141 + (int64_t) 143 * a142 + (int64_t) 144 * a143
        + (int64_t) 145 * a144 + (int64_t) 146 * a145 + (int64_t) 147 * a146 + (int64_t) 148 * a147 + (int64_t) 149 * a148 + (int64_t) 150 * a149
        + (int64_t) 151 * a150 + (int64_t) 152 * a151 + (int64_t) 153 * a152 + (int64_t) 154 * a153 + (int64_t) 155 * a154 + (int64_t) 156 * a155
        + (int64_t) 157 * a156 + (int64_t) 158 * a157 + (int64_t) 159 * a158 + (int64_t) 160 * a159 + (int64_t) 161 * a160 + (int64_t) 162 * a161
        + (int64_t) 163 * a162 + (int64_t) 164 * a163 + (int64_t) 165 * a164 + (int64_t) 166 * a165 + (int64_t) 167 * a166 + (int64_t) 168 * a167
        + (int64_t) 169 * a168 + (int64_t) 170 * a169 + (int64_t) 171 * a170 + (int64_t) 172 * a171 + (int64_t) 173 * a172 + (int64_t) 174 * a173
        + (int64_t) 175 * a174 + (int64_t) 176 * a175 + (int64_t) 177 * a176 + (int64_t) 178 * a177 + (int64_t) 179 * a178 + (int64_t) 180 * a179
        + (int64_t) 181 * a180 + (int64_t) 182 * a181 + (int64_t) 183 * a182 + (int64_t) 184 * a183 + (int64_t) 185 * a184 + (int64_t) 186 * a185
        + (int64_t) 187 * a186 + (int64_t) 188 * a187 + (int64_t) 189 * a188 + (int64_t) 190 * a189 + (int64_t) 191 * a190 + (int64_t) 192 * a191
        + (int64_t) 193 * a192 + (int64_t) 194 * a193 + (int64_t) 195 * a194 + (int64_t) 196 * a195 + (int64_t) 197 * a196 + (int64_t) 198 * a197
        + (int64_t) 199 * a198 + (int64_t) 200 * a199 + (int64_t) 201 * a200 + (int64_t) 202 * a201 + (int64_t) 203 * a202 + (int64_t) 204 * a203
        + (int64_t) 205 * a204 + (int64_t) 206 * a205 + (int64_t) 207 * a206 + (int64_t) 208 * a207 + (int64_t) 209 * a208 + (int64_t) 210 * a209
        + (int64_t) 211 * a210 + (int64_t) 212 * a211 + (int64_t) 213 * a212 + (int64_t) 214 * a213 + (int64_t) 215 * a214 + (int64_t) 216 * a215
        + (int64_t) 217 * a216 + (int64_t) 218 * a217 + (int64_t) 219 * a218 + (int64_t) 220 * a219 + (int64_t) 221 * a220 + (int64_t) 222 * a221
        + (int64_t) 223 * a222 + (int64_t) 224 * a223 + (int64_t) 225 * a224 + (int64_t) 226 * a225 + (int64_t) 227 * a226 + (int64_t) 228 * a227
        + (int64_t) 229 * a228 + (int64_t) 230 * a229 + (int64_t) 231 * a230 + (int64_t) 232 * a231 + (int64_t) 233 * a232 + (int64_t) 234 * a233
        + (int64_t) 235 * a234 + (int64_t) 236 * a235 + (int64_t) 237 * a236 + (int64_t) 238 * a237 + (int64_t) 239 * a238 + (int64_t) 240 * a239
        + (int64_t) 241 * a240 + (int64_t) 242 * a241 + (int64_t) 243 * a242 + (int64_t) 244 * a243 + (int64_t) 245 * a244 + (int64_t) 246 * a245
        + (int64_t) 247 * a246 + (int64_t) 248 * a247 + (int64_t) 249 * a248 + (int64_t) 250 * a249 + (int64_t) 251 * a250 + (int64_t) 252 * a251;
}

int64_t lim_i64(
        int64_t a0, int64_t a1, int64_t a2, int64_t a3, int64_t a4, int64_t a5, int64_t a6, int64_t a7,
        int64_t a8, int64_t a9, int64_t a10, int64_t a11, int64_t a12, int64_t a13, int64_t a14, int64_t a15,
        int64_t a16, int64_t a17, int64_t a18, int64_t a19, int64_t a20, int64_t a21, int64_t a22, int64_t a23,
        int64_t a24, int64_t a25, int64_t a26, int64_t a27, int64_t a28, int64_t a29, int64_t a30, int64_t a31,
        int64_t a32, int64_t a33, int64_t a34, int64_t a35, int64_t a36, int64_t a37, int64_t a38, int64_t a39,
        int64_t a40, int64_t a41, int64_t a42, int64_t a43, int64_t a44, int64_t a45, int64_t a46, int64_t a47,
        int64_t a48, int64_t a49, int64_t a50, int64_t a51, int64_t a52, int64_t a53, int64_t a54, int64_t a55,
        int64_t a56, int64_t a57, int64_t a58, int64_t a59, int64_t a60, int64_t a61, int64_t a62, int64_t a63,
        int64_t a64, int64_t a65, int64_t a66, int64_t a67, int64_t a68, int64_t a69, int64_t a70, int64_t a71,
        int64_t a72, int64_t a73, int64_t a74, int64_t a75, int64_t a76, int64_t a77, int64_t a78, int64_t a79,
        int64_t a80, int64_t a81, int64_t a82, int64_t a83, int64_t a84, int64_t a85, int64_t a86, int64_t a87,
        int64_t a88, int64_t a89, int64_t a90, int64_t a91, int64_t a92, int64_t a93, int64_t a94, int64_t a95,
        int64_t a96, int64_t a97, int64_t a98, int64_t a99, int64_t a100, int64_t a101, int64_t a102, int64_t a103,
        int64_t a104, int64_t a105, int64_t a106, int64_t a107, int64_t a108, int64_t a109, int64_t a110, int64_t a111,
        int64_t a112, int64_t a113, int64_t a114, int64_t a115, int64_t a116, int64_t a117, int64_t a118, int64_t a119,
        int64_t a120, int64_t a121, int64_t a122, int64_t a123, int64_t a124, int64_t a125) {
    return (int64_t) 1 * a0 + (int64_t) 2 * a1 + (int64_t) 3 * a2 + (int64_t) 4 * a3 + (int64_t) 5 * a4 + (int64_t) 6 * a5
        + (int64_t) 7 * a6 + (int64_t) 8 * a7 + (int64_t) 9 * a8 + (int64_t) 10 * a9 + (int64_t) 11 * a10 + (int64_t) 12 * a11
        + (int64_t) 13 * a12 + (int64_t) 14 * a13 + (int64_t) 15 * a14 + (int64_t) 16 * a15 + (int64_t) 17 * a16 + (int64_t) 18 * a17
        + (int64_t) 19 * a18 + (int64_t) 20 * a19 + (int64_t) 21 * a20 + (int64_t) 22 * a21 + (int64_t) 23 * a22 + (int64_t) 24 * a23
        + (int64_t) 25 * a24 + (int64_t) 26 * a25 + (int64_t) 27 * a26 + (int64_t) 28 * a27 + (int64_t) 29 * a28 + (int64_t) 30 * a29
        + (int64_t) 31 * a30 + (int64_t) 32 * a31 + (int64_t) 33 * a32 + (int64_t) 34 * a33 + (int64_t) 35 * a34 + (int64_t) 36 * a35
        + (int64_t) 37 * a36 + (int64_t) 38 * a37 + (int64_t) 39 * a38 + (int64_t) 40 * a39 + (int64_t) 41 * a40 + (int64_t) 42 * a41
        + (int64_t) 43 * a42 + (int64_t) 44 * a43 + (int64_t) 45 * a44 + (int64_t) 46 * a45 + (int64_t) 47 * a46 + (int64_t) 48 * a47
        + (int64_t) 49 * a48 + (int64_t) 50 * a49 + (int64_t) 51 * a50 + (int64_t) 52 * a51 + (int64_t) 53 * a52 + (int64_t) 54 * a53
        + (int64_t) 55 * a54 + (int64_t) 56 * a55 + (int64_t) 57 * a56 + (int64_t) 58 * a57 + (int64_t) 59 * a58 + (int64_t) 60 * a59
        + (int64_t) 61 * a60 + (int64_t) 62 * a61 + (int64_t) 63 * a62 + (int64_t) 64 * a63 + (int64_t) 65 * a64 + (int64_t) 66 * a65
        + (int64_t) 67 * a66 + (int64_t) 68 * a67 + (int64_t) 69 * a68 + (int64_t) 70 * a69 + (int64_t) 71 * a70 + (int64_t) 72 * a71
        + (int64_t) 73 * a72 + (int64_t) 74 * a73 + (int64_t) 75 * a74 + (int64_t) 76 * a75 + (int64_t) 77 * a76 + (int64_t) 78 * a77
        + (int64_t) 79 * a78 + (int64_t) 80 * a79 + (int64_t) 81 * a80 + (int64_t) 82 * a81 + (int64_t) 83 * a82 + (int64_t) 84 * a83
        + (int64_t) 85 * a84 + (int64_t) 86 * a85 + (int64_t) 87 * a86 + (int64_t) 88 * a87 + (int64_t) 89 * a88 + (int64_t) 90 * a89
        + (int64_t) 91 * a90 + (int64_t) 92 * a91 + (int64_t) 93 * a92 + (int64_t) 94 * a93 + (int64_t) 95 * a94 + (int64_t) 96 * a95
        + (int64_t) 97 * a96 + (int64_t) 98 * a97 + (int64_t) 99 * a98 + (int64_t) 100 * a99 + (int64_t) 101 * a100 + (int64_t) 102 * a101
        + (int64_t) 103 * a102 + (int64_t) 104 * a103 + (int64_t) 105 * a104 + (int64_t) 106 * a105 + (int64_t) 107 * a106 + (int64_t) 108 * a107
        + (int64_t) 109 * a108 + (int64_t) 110 * a109 + (int64_t) 111 * a110 + (int64_t) 112 * a111 + (int64_t) 113 * a112 + (int64_t) 114 * a113
        + (int64_t) 115 * a114 + (int64_t) 116 * a115 + (int64_t) 117 * a116 + (int64_t) 118 * a117 + (int64_t) 119 * a118 + (int64_t) 120 * a119
        + (int64_t) 121 * a120 + (int64_t) 122 * a121 + (int64_t) 123 * a122 + (int64_t) 124 * a123 + (int64_t) 125 * a124 + (int64_t) 126 * a125;
}
